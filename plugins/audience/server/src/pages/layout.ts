import { html, SafeHtml } from '../domain/html';
import type { FormProblem } from '../domain/form-definition';

// One stylesheet, inline (no external assets), with a focus ring nobody can miss.
const STYLE = new SafeHtml(`
  body { font: 16px/1.5 system-ui, sans-serif; color: #1f2933; background: #f5f7fa; margin: 0; }
  main { max-width: 34rem; margin: 2rem auto; padding: 1.5rem 2rem; background: #fff; border-radius: 8px; }
  h1 { font-size: 1.6rem; margin-top: 0; }
  label, legend { display: block; font-weight: 600; margin-top: 1rem; }
  fieldset { border: 0; padding: 0; margin: 0; }
  input[type=text], input[type=email], input[type=number], input[type=date], select {
    display: block; width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; border: 1px solid #7b8794; border-radius: 4px; }
  .check { display: flex; gap: .5rem; align-items: flex-start; font-weight: normal; }
  .check input { margin-top: .35rem; }
  .wording { white-space: pre-line; }
  button { margin-top: 1.5rem; padding: .6rem 1.2rem; font: inherit; font-weight: 600; color: #fff; background: #1d4ed8; border: 0; border-radius: 4px; cursor: pointer; }
  :focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
  .error { color: #b91c1c; margin: .25rem 0 0; }
  [role=alert] { border-left: 4px solid #b91c1c; padding: .5rem 1rem; background: #fef2f2; }
  .hp { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
`);

export const layout = (title: string, body: SafeHtml): string =>
  html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${title}</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html>`.value;

export const problemId = (path: string[]) => `error-${path.join('-')}`;

// The summary screen readers announce as soon as the page shows a failed submission.
export const problemSummary = (problems: FormProblem[], labels: Record<string, string>) =>
  problems.length
    ? html`<div role="alert">
        <p>Please fix the following:</p>
        <ul>
          ${problems.map((p) => html`<li>${labels[p.path.join('.')] ?? p.path.join('.')} ${p.message}</li>`)}
        </ul>
      </div>`
    : null;

// Attributes tying an input to its error message.
export const invalidAttributes = (problem: FormProblem | undefined) =>
  problem ? html` aria-invalid="true" aria-describedby="${problemId(problem.path)}"` : null;

export const problemText = (problem: FormProblem | undefined) =>
  problem ? html`<p class="error" id="${problemId(problem.path)}">${problem.message}</p>` : null;
