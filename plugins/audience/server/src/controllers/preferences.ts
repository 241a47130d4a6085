import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { problemMessage } from '../domain/form-submission';
import { readPreferenceChanges } from '../domain/preference-input';
import { messagePage } from '../pages/message-page';
import { preferencesPage } from '../pages/preferences-page';
import { unsubscribePage } from '../pages/unsubscribe-page';
import { RESUBSCRIBE_WORDING, type Subscriber } from '../services/preferences';
import { bodyOf, readLinkToken, requestMeta, sendGone, sendPage } from './public-responses';

const ONE_CLICK = 'One-Click';

// The preference center and unsubscribe pages, opened by 'preferences' tokens. GETs only show.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('audience').service('preferences');

  // The subscriber a token opens, or null after answering with the right 4xx.
  const subscriberOf = async (ctx: Context, token: unknown, plain = false): Promise<Subscriber | null> => {
    const read = readLinkToken(strapi, ctx, 'preferences', token, plain);
    if (!read) return null;
    const subscriber = await service().load(read.subject);
    if (!subscriber) {
      if (plain) [ctx.status, ctx.body] = [404, 'No such subscriber'];
      else sendGone(ctx);
    }
    return subscriber;
  };

  const render = async (ctx: Context, token: string, subscriber: Subscriber, notice?: string) => {
    const chosen = new Set(subscriber.tags.map((t) => t.documentId));
    const topics = (await service().publicTags()).map((t: Subscriber['tags'][number]) => ({ ...t, chosen: chosen.has(t.documentId) }));
    sendPage(
      ctx,
      200,
      preferencesPage({
        token,
        email: subscriber.email,
        firstName: subscriber.firstName ?? '',
        lastName: subscriber.lastName ?? '',
        subscribed: subscriber.status !== 'unsubscribed',
        topics,
        notice,
        resubscribeWording: RESUBSCRIBE_WORDING,
      })
    );
  };

  return {
    async show(ctx: Context) {
      const subscriber = await subscriberOf(ctx, ctx.query.token);
      if (subscriber) await render(ctx, String(ctx.query.token), subscriber);
    },

    async save(ctx: Context) {
      const body = bodyOf(ctx);
      const subscriber = await subscriberOf(ctx, body.token);
      if (!subscriber) return;
      const { changes, problems } = readPreferenceChanges(body);
      if (problems.length) return sendPage(ctx, 400, messagePage('Preferences not saved', problemMessage(problems), true));
      const { leaving, rejoining } = await service().save(subscriber, changes, requestMeta(strapi, ctx));
      const notice = leaving
        ? 'You are unsubscribed from all emails.'
        : rejoining
          ? 'Welcome back: you are subscribed again.'
          : subscriber.status === 'unsubscribed'
            ? 'Your preferences are saved. You are still unsubscribed: tick the box to receive emails again.'
            : 'Your preferences are saved.';
      await render(ctx, String(body.token), (await service().load(subscriber.documentId))!, notice);
    },

    async unsubscribePage(ctx: Context) {
      const subscriber = await subscriberOf(ctx, ctx.query.token);
      if (!subscriber) return;
      if (subscriber.status === 'unsubscribed')
        return sendPage(ctx, 200, messagePage('You are unsubscribed', 'You receive no emails from us.'));
      sendPage(ctx, 200, unsubscribePage(String(ctx.query.token), subscriber.email));
    },

    // The page's button, and RFC 8058 one-click (body List-Unsubscribe=One-Click, token in the URL).
    async unsubscribe(ctx: Context) {
      const body = bodyOf(ctx);
      const oneClick = body['List-Unsubscribe'] === ONE_CLICK;
      const subscriber = await subscriberOf(ctx, body.token ?? ctx.query.token, oneClick);
      if (!subscriber) return;
      await service().unsubscribe(subscriber, oneClick ? 'one-click' : 'unsubscribe-page', requestMeta(strapi, ctx));
      if (oneClick) {
        ctx.status = 200;
        ctx.body = 'Unsubscribed';
        return;
      }
      const { preferences } = service().links(subscriber.documentId, requestMeta(strapi, ctx).origin);
      sendPage(
        ctx,
        200,
        messagePage('You are unsubscribed', 'You will receive no more emails.', false, {
          href: preferences,
          text: 'Manage your preferences',
        })
      );
    },
  };
};
