import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import type { FormProblem } from '../domain/form-definition';
import { isBot, problemMessage, readSubmission } from '../domain/form-submission';
import { formPage } from '../pages/form-page';
import { messagePage } from '../pages/message-page';
import type { LoadedForm } from '../services/public-forms';
import { bodyOf, requestMeta, sendPage } from './public-responses';

const PENDING = 'Almost done: we have sent you an email. Open the link in it to confirm your subscription.';
const SUBSCRIBED = 'Thank you for subscribing.';

// Forms on any website: the embed script reads the definition and posts across origins without
// cookies, so these answers may be read by any origin.
const anyOrigin = (ctx: Context) => ctx.set('Access-Control-Allow-Origin', '*');
const wantsJson = (ctx: Context) => ctx.is('json') === 'json' || ctx.accepts('html', 'json') === 'json';

const fail = (ctx: Context, status: number, title: string, message: string, problems: FormProblem[] = []) => {
  if (wantsJson(ctx)) {
    ctx.status = status;
    ctx.body = { data: null, error: { status, name: problems.length ? 'ValidationError' : title, message, details: { errors: problems } } };
  } else sendPage(ctx, status, messagePage(title, message, true));
};

// GET /forms/:documentId/page, GET /forms/:documentId/definition, POST /forms/:documentId/submissions (all anonymous).
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const audience = () => strapi.plugin('audience');
  const load = async (ctx: Context): Promise<LoadedForm | null> => {
    const form = await audience()
      .service('public-forms')
      .find(String(ctx.params.documentId ?? ''));
    if (!form) fail(ctx, 404, 'Form not found', 'There is no such form: check the link.');
    return form;
  };
  const view = (form: LoadedForm) => ({
    documentId: form.documentId,
    name: form.name,
    consentText: form.consentText,
    fields: form.publicFields,
  });

  const invalid = (ctx: Context, form: LoadedForm, body: Record<string, unknown>, problems: FormProblem[]) => {
    if (wantsJson(ctx)) fail(ctx, 400, 'ValidationError', problemMessage(problems), problems);
    else sendPage(ctx, 400, formPage(view(form), body, problems));
  };

  const succeed = (ctx: Context, form: LoadedForm, pending: boolean) => {
    const message = pending ? PENDING : form.successMessage || SUBSCRIBED;
    if (wantsJson(ctx))
      ctx.body = { data: { status: pending ? 'confirmation-sent' : 'subscribed', message, redirectUrl: form.redirectUrl || null } };
    else if (form.redirectUrl) {
      ctx.status = 303;
      ctx.redirect(form.redirectUrl);
    } else sendPage(ctx, 200, messagePage(pending ? 'Check your inbox' : 'You are subscribed', message));
  };

  return {
    async page(ctx: Context) {
      const form = await load(ctx);
      if (!form) return;
      audience().service('form-counts').count(form.documentId, 'views');
      sendPage(ctx, 200, formPage(view(form)));
    },

    async definition(ctx: Context) {
      anyOrigin(ctx);
      const form = await load(ctx);
      if (!form) return;
      audience().service('form-counts').count(form.documentId, 'views');
      ctx.body = { data: audience().service('public-forms').definition(form, requestMeta(strapi, ctx).origin) };
    },

    async submit(ctx: Context) {
      anyOrigin(ctx);
      const form = await load(ctx);
      if (!form) return;
      const allowed = await audience().service('public-guards').allowSubmission(form.documentId, ctx.request.ip);
      if (!allowed.ok) {
        ctx.set('Retry-After', String(allowed.retryAfterS));
        return fail(ctx, 429, 'Too many submissions', `Please wait ${allowed.retryAfterS} seconds and try again.`);
      }
      const body = bodyOf(ctx);
      // A bot gets the answer a person would, so it learns nothing; nothing is stored.
      if (isBot(body)) return succeed(ctx, form, form.doubleOptIn);
      const { submission, problems } = readSubmission(form.publicFields, body);
      if (problems.length) return invalid(ctx, form, body, problems);
      try {
        const { pending } = await audience().service('subscriptions').submit(form, submission, requestMeta(strapi, ctx));
        succeed(ctx, form, pending);
      } catch (err) {
        if (!(err instanceof errors.ValidationError)) throw err;
        // The subscriber rules refused the write (a custom field changed since the form was saved).
        const details = (err.details as { errors?: FormProblem[] }).errors ?? [];
        invalid(
          ctx,
          form,
          body,
          details.length ? details.map(({ path, message }) => ({ path, message })) : [{ path: ['email'], message: err.message }]
        );
      }
    },
  };
};
