import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { canUnsubscribe } from '../domain/subscription-status';
import { SUBSCRIBER, TAG } from '../domain/uids';
import type { RequestMeta } from './subscriptions';

export const PREFERENCES_TTL_MS = 90 * 24 * 3600 * 1000;
// Shown beside the re-subscribe checkbox and stored with the consent it records.
export const RESUBSCRIBE_WORDING = 'Yes, send me your emails again. I can unsubscribe at any time.';

type Tag = { documentId: string; name: string; description: string | null; public: boolean };
export type Subscriber = {
  documentId: string;
  email: string;
  status: string;
  firstName: string | null;
  lastName: string | null;
  tags: Tag[];
};
export type PreferenceChanges = { firstName?: string; lastName?: string; topics: string[]; unsubscribe: boolean; resubscribe: boolean };

// The preference center and unsubscribe: reached by links carrying a 'preferences' token, which is
// the only proof of who is asking.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const consents = () => strapi.plugin('audience').service('consents');
  const documents = () => strapi.documents(SUBSCRIBER as never);

  const load = async (documentId: string): Promise<Subscriber | null> =>
    (await documents().findOne({
      documentId,
      fields: ['email', 'status', 'firstName', 'lastName'],
      populate: { tags: { fields: ['documentId', 'name', 'description', 'public'] } },
    } as never)) as unknown as Subscriber | null;

  const publicTags = async (): Promise<Tag[]> =>
    (await strapi.documents(TAG as never).findMany({
      filters: { public: true },
      fields: ['documentId', 'name', 'description', 'public'],
      sort: 'name:asc',
      limit: 200,
    } as never)) as unknown as Tag[];

  const baseUrl = (origin?: string) => origin || (strapi.config.get('server.url') as string) || platformSettings().publicUrl;
  const platformSettings = () => strapi.plugin('platform').service('settings').config();

  const withdraw = (subscriber: Subscriber, method: string, meta: RequestMeta, trx: Knex.Transaction) =>
    consents().withdraw(
      { subscriberDocumentId: subscriber.documentId, email: subscriber.email, method, ip: meta.ip, userAgent: meta.userAgent },
      trx
    );

  return {
    load,
    publicTags,

    // Absolute links for emails (campaigns put them in footers and List-Unsubscribe headers).
    links(documentId: string, origin?: string) {
      return this.linkMaker(origin)(documentId);
    },

    // links() for many subscribers: the base URL and signing key are looked up once. Tokens are
    // base64url and hex joined by a dot, so they go into a URL as they are.
    linkMaker(origin?: string) {
      const issue = strapi.plugin('platform').service('tokens').issuer('preferences', PREFERENCES_TTL_MS);
      const base = baseUrl(origin).replace(/\/$/, '');
      return (documentId: string) => {
        const token = issue(documentId);
        return {
          preferences: `${base}/api/audience/preferences?token=${token}`,
          unsubscribe: `${base}/api/audience/unsubscribe?token=${token}`,
        };
      };
    },

    // Unsubscribes (once: a second click changes nothing) and records the withdrawal of consent.
    async unsubscribe(subscriber: Subscriber, method: string, meta: RequestMeta): Promise<boolean> {
      if (!canUnsubscribe(subscriber.status)) return false;
      await strapi.db.transaction(async ({ trx }) => {
        await documents().update({ documentId: subscriber.documentId, data: { status: 'unsubscribed' } } as never);
        await withdraw(subscriber, method, meta, trx as Knex.Transaction);
      });
      return true;
    },

    // Saves names and topics; leaving the list withdraws consent, rejoining records fresh consent.
    async save(subscriber: Subscriber, changes: PreferenceChanges, meta: RequestMeta) {
      const offered = new Set((await publicTags()).map((t) => t.documentId));
      const kept = subscriber.tags.filter((t) => !offered.has(t.documentId)).map((t) => t.documentId);
      const chosen = changes.topics.filter((id) => offered.has(id));
      const leaving = changes.unsubscribe && canUnsubscribe(subscriber.status);
      const rejoining = changes.resubscribe && subscriber.status === 'unsubscribed';
      await strapi.db.transaction(async ({ trx }) => {
        await documents().update({
          documentId: subscriber.documentId,
          data: {
            firstName: changes.firstName || null,
            lastName: changes.lastName || null,
            tags: { set: [...kept, ...chosen] },
            ...(leaving && { status: 'unsubscribed' }),
            ...(rejoining && { status: 'active' }),
          },
        } as never);
        if (leaving) await withdraw(subscriber, 'preference-center', meta, trx as Knex.Transaction);
        if (rejoining)
          await consents().grant(
            {
              subscriberDocumentId: subscriber.documentId,
              email: subscriber.email,
              method: 'preference-center',
              wording: RESUBSCRIBE_WORDING,
              ip: meta.ip,
              userAgent: meta.userAgent,
              confirmedAt: new Date(),
            },
            trx as Knex.Transaction
          );
      });
      return { leaving, rejoining };
    },
  };
};
