import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { confirmPage } from '../pages/confirm-page';
import { messagePage } from '../pages/message-page';
import { bodyOf, readLinkToken, requestMeta, sendGone, sendPage } from './public-responses';

// The double opt-in link: GET only shows the button (link scanners fetch every URL), POST confirms.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    const token = ctx.query.token;
    if (readLinkToken(strapi, ctx, 'confirm', token)) sendPage(ctx, 200, confirmPage(String(token)));
  },

  async confirm(ctx: Context) {
    const token = readLinkToken(strapi, ctx, 'confirm', bodyOf(ctx).token);
    if (!token) return;
    const meta = requestMeta(strapi, ctx);
    const outcome = await strapi
      .plugin('audience')
      .service('subscriptions')
      .confirm(token.subject, token.data.form ?? '', meta);
    if (outcome === 'gone') return sendGone(ctx);
    if (outcome === 'already') return sendPage(ctx, 200, messagePage('Nothing to confirm', 'This subscription needs no confirmation.'));
    const { preferences } = strapi.plugin('audience').service('preferences').links(token.subject, meta.origin);
    sendPage(
      ctx,
      200,
      messagePage('Your subscription is confirmed', 'Thank you: you will now receive our emails.', false, {
        href: preferences,
        text: 'Manage your preferences',
      })
    );
  },
});
