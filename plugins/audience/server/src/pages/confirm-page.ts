import { html } from '../domain/html';
import { layout } from './layout';

// What the link in a confirmation email opens: a button, because a link scanner's GET must never confirm.
export const confirmPage = (token: string): string =>
  layout(
    'Confirm your subscription',
    html`<h1>Confirm your subscription</h1>
      <p>Press the button to start receiving our emails.</p>
      <form method="post" action="/api/audience/confirm">
        <input type="hidden" name="token" value="${token}" />
        <button type="submit">Confirm my subscription</button>
      </form>`
  );
