import { html } from '../domain/html';
import { layout } from './layout';

export type PageLink = { href: string; text: string };

// A page that only says something (thanks, done, or why a link does not work), with perhaps a next step.
export const messagePage = (title: string, message: string, alert = false, link?: PageLink): string =>
  layout(
    title,
    html`<h1>${title}</h1>
      ${alert ? html`<p role="alert">${message}</p>` : html`<p>${message}</p>`}${
        link ? html`<p><a href="${link.href}">${link.text}</a></p>` : null
      }`
  );
