import { html } from '../domain/html';
import { layout } from './layout';

// The unsubscribe link's page: the POST of its button unsubscribes, never the GET.
export const unsubscribePage = (token: string, email: string): string =>
  layout(
    'Unsubscribe',
    html`<h1>Unsubscribe</h1>
      <p>Stop all emails to <strong>${email}</strong>?</p>
      <form method="post" action="/api/audience/unsubscribe">
        <input type="hidden" name="token" value="${token}" />
        <button type="submit">Unsubscribe</button>
      </form>`
  );
