import { html } from '../domain/html';

// The double opt-in mail. The link opens a page with a button; only that button's POST confirms.
export const confirmationEmail = (formName: string, confirmUrl: string) => ({
  subject: `Please confirm your subscription: ${formName}`,
  text: `Please confirm your subscription to ${formName} by opening this link and pressing the button:\n\n${confirmUrl}\n\nIf you did not ask for this, ignore this email: you will not be subscribed.`,
  html: html`<!doctype html>
    <html lang="en">
      <body>
        <p>Please confirm your subscription to <strong>${formName}</strong>.</p>
        <p><a href="${confirmUrl}">Confirm my subscription</a></p>
        <p>If you did not ask for this, ignore this email: you will not be subscribed.</p>
      </body>
    </html>`.value,
});
