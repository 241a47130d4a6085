import { html, type SafeHtml } from '../domain/html';
import type { FormProblem, PublicField } from '../domain/form-definition';
import { HONEYPOT } from '../domain/form-submission';
import { invalidAttributes, layout, problemSummary, problemText } from './layout';

export type FormView = { documentId: string; name: string; consentText: string; fields: PublicField[] };
type Values = Record<string, unknown> & { fields?: Record<string, unknown> };

const inputName = (f: PublicField) => (f.custom ? `fields[${f.key}]` : f.key);
const problemPath = (f: PublicField) => (f.custom ? `fields.${f.key}` : f.key);
const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)]);
const required = (f: PublicField) => (f.required ? html`<span aria-hidden="true"> *</span>` : null);

const input = (f: PublicField, value: unknown, problem: FormProblem | undefined): SafeHtml => {
  const id = `field-${f.key}`;
  const attrs = html`id="${id}" name="${inputName(f)}"${f.required ? html` required` : null}${invalidAttributes(problem)}`;
  const current = asList(value);
  switch (f.type) {
    case 'boolean':
      return html`<label class="check" for="${id}"
          ><input type="checkbox" ${attrs} value="true" ${current.includes('true') ? html` checked` : null} />
          ${f.label}${required(f)}</label
        >${problemText(problem)}`;
    case 'select':
      return html`<label for="${id}">${f.label}${required(f)}</label
        ><select ${attrs}>
          <option value="">Choose…</option>
          ${f.options.map((o) => html`<option${current.includes(o) ? html` selected` : null}>${o}</option>`)}</select
        >${problemText(problem)}`;
    case 'multiselect':
      return html`<fieldset${invalidAttributes(problem)}><legend>${f.label}${required(f)}</legend>${f.options.map(
        (o, i) =>
          html`<label class="check" for="${id}-${i}"
            ><input type="checkbox" id="${id}-${i}" name="${inputName(f)}" value="${o}" ${current.includes(o) ? html` checked` : null} />
            ${o}</label
          >`
      )}</fieldset>${problemText(problem)}`;
    default: {
      const type = f.type === 'number' ? 'number' : f.type === 'date' ? 'date' : 'text';
      return html`<label for="${id}">${f.label}${required(f)}</label
        ><input
          type="${type}"
          ${attrs}
          value="${current[0] ?? ''}"
          ${f.type === 'number' ? html` step="any"` : null}
        />${problemText(problem)}`;
    }
  }
};

// The hosted signup page; after a failed submission it comes back with the values kept and each problem
// beside its input.
export const formPage = (form: FormView, values: Values = {}, problems: FormProblem[] = []): string => {
  const find = (path: string) => problems.find((p) => p.path.join('.') === path);
  const labels = Object.fromEntries([['email', 'Email'], ['consent', 'Consent'], ...form.fields.map((f) => [problemPath(f), f.label])]);
  const posted = values.fields ?? {};
  return layout(
    form.name,
    html`<h1>${form.name}</h1>
      ${problemSummary(problems, labels)}
      <form method="post" action="/api/audience/forms/${form.documentId}/submissions" novalidate>
        <label for="field-email">Email<span aria-hidden="true"> *</span></label>
        <input
          type="email"
          id="field-email"
          name="email"
          autocomplete="email"
          required
          value="${String(values.email ?? '')}"
          ${invalidAttributes(find('email'))}
        />
        ${problemText(find('email'))} ${form.fields.map((f) => input(f, f.custom ? posted[f.key] : values[f.key], find(problemPath(f))))}
        <div class="hp" aria-hidden="true">
          <label for="field-${HONEYPOT}">Leave this empty</label
          ><input type="text" id="field-${HONEYPOT}" name="${HONEYPOT}" tabindex="-1" autocomplete="off" />
        </div>
        <label class="check" for="field-consent"
          ><input type="checkbox" id="field-consent" name="consent" value="true" required${invalidAttributes(find('consent'))} />
          <span class="wording">${form.consentText}</span></label
        >
        ${problemText(find('consent'))}
        <button type="submit">Subscribe</button>
      </form>`
  );
};
