import { html } from '../domain/html';
import { layout } from './layout';

export type PreferencesView = {
  token: string;
  email: string;
  firstName: string;
  lastName: string;
  subscribed: boolean;
  topics: Array<{ documentId: string; name: string; description: string | null; chosen: boolean }>;
  notice?: string;
  resubscribeWording: string;
};

const text = (id: string, name: string, label: string, value: string) =>
  html`<label for="${id}">${label}</label><input type="text" id="${id}" name="${name}" maxlength="100" value="${value}" />`;

// The preference center: names, topics (public tags), and leaving or, with fresh consent, rejoining the list.
export const preferencesPage = (view: PreferencesView): string =>
  layout(
    'Your email preferences',
    html`<h1>Your email preferences</h1>
      <p>For <strong>${view.email}</strong></p>
      ${view.notice ? html`<p role="status">${view.notice}</p>` : null}
      <form method="post" action="/api/audience/preferences">
        <input type="hidden" name="token" value="${view.token}" />
        ${text('pref-first-name', 'firstName', 'First name', view.firstName)}
        ${text('pref-last-name', 'lastName', 'Last name', view.lastName)}
        ${
          view.topics.length
            ? html`<fieldset>
                <legend>Topics</legend>
                ${view.topics.map(
                  (t, i) =>
                    html`<label class="check" for="topic-${i}"
                      ><input type="checkbox" id="topic-${i}" name="topics" value="${t.documentId}" ${t.chosen ? html` checked` : null} />
                      ${t.name}</label
                    >`
                )}
              </fieldset>`
            : null
        }
        ${
          view.subscribed
            ? html`<label class="check" for="pref-unsubscribe"
                ><input type="checkbox" id="pref-unsubscribe" name="unsubscribe" value="true" /> Unsubscribe from all emails</label
              >`
            : html`<p>You are unsubscribed and receive no emails.</p>
                <label class="check" for="pref-resubscribe"
                  ><input type="checkbox" id="pref-resubscribe" name="consent" value="true" />
                  <span class="wording">${view.resubscribeWording}</span></label
                >`
        }
        <button type="submit">Save preferences</button>
      </form>`
  );
