import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { RequestMeta } from '../services/subscriptions';
import { messagePage } from '../pages/message-page';

// Helpers shared by the anonymous endpoints (forms, confirmation, preferences, unsubscribe).

export const sendPage = (ctx: Context, status: number, body: string) => {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  // Tokens travel in these URLs: keep them out of caches and out of Referer headers.
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.body = body;
};

export const requestMeta = (strapi: Core.Strapi, ctx: Context): RequestMeta => ({
  ip: ctx.request.ip,
  userAgent: ctx.get('user-agent').slice(0, 500),
  origin: ((strapi.config.get('server.url') as string) || ctx.origin).replace(/\/$/, ''),
});

export const bodyOf = (ctx: Context): Record<string, unknown> => {
  const body = (ctx.request as unknown as { body?: unknown }).body;
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
};

type TokenFailure = 'malformed' | 'bad signature' | 'expired';

const FAILURES: Record<TokenFailure, { status: number; title: string; message: string }> = {
  expired: {
    status: 410,
    title: 'This link has expired',
    message: 'The link is too old. Ask for a new one from the latest email we sent you.',
  },
  malformed: { status: 400, title: 'This link is not valid', message: 'The link is incomplete: copy the whole address from the email.' },
  'bad signature': {
    status: 400,
    title: 'This link is not valid',
    message: 'The link was changed after we sent it, so it cannot be used.',
  },
};

// The subject of a valid token for this purpose, or null after answering with a 4xx page (or text).
export const readLinkToken = (strapi: Core.Strapi, ctx: Context, purpose: string, token: unknown, plain = false) => {
  const reading = strapi
    .plugin('platform')
    .service('tokens')
    .read(purpose, typeof token === 'string' ? token : undefined);
  if (reading.ok) return reading.token as { subject: string; data: Record<string, string> };
  const failure = FAILURES[reading.reason as TokenFailure];
  if (plain) {
    ctx.status = failure.status;
    ctx.body = `${failure.title}: ${reading.reason}`;
  } else sendPage(ctx, failure.status, messagePage(failure.title, failure.message, true));
  return null;
};

export const sendGone = (ctx: Context) =>
  sendPage(ctx, 404, messagePage('Subscription not found', 'We no longer hold this address, so there is nothing to change.', true));
