import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { emailHash } from '../domain/consent-hash';
import { Refusal } from '../domain/refusal';
import { SUBSCRIBER } from '../domain/uids';
import { personalData } from '../repositories/personal-data';

export const EXPORT_PURPOSE = 'gdpr-export';
const EXPORT_LINK_TTL_MS = 7 * 24 * 3600_000;

type Subscriber = { id: number; documentId: string; email: string } & Record<string, unknown>;

// GDPR rights for one subscriber: access (everything held, as JSON, also through a signed link the
// person can follow) and erasure (all personal data gone in one transaction; only hashes remain).
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const audience = () => strapi.plugin('audience');
  const tokens = () => strapi.plugin('platform').service('tokens');

  const load = async (documentId: string, populate = false): Promise<Subscriber> => {
    const found = await strapi.db.query(SUBSCRIBER as never).findOne({
      where: { documentId },
      ...(populate ? { populate: { tags: { select: ['documentId', 'name'] } } } : {}),
    } as never);
    if (!found) throw new Refusal('not-found', `no subscriber ${JSON.stringify(documentId)}`);
    return found as unknown as Subscriber;
  };

  // Which of these addresses were erased, in one query (an import checks a batch at a time).
  const erasedAmong = async (emails: string[], trx?: Knex.Transaction): Promise<Set<string>> => {
    const byHash = new Map(emails.map((email) => [emailHash(email), email]));
    const erased = await personalData(trx ?? strapi.db.connection).erasedAmong([...byHash.keys()]);
    return new Set([...erased].map((hash) => byHash.get(hash)!));
  };

  return {
    async export(documentId: string) {
      const { id: _internalId, ...profile } = await load(documentId, true);
      const data = personalData(strapi.db.connection);
      return {
        exportedAt: new Date().toISOString(),
        profile,
        consents: await audience().service('consents').forSubscriber(documentId),
        timeline: await data.timeline(documentId),
        events: await data.events(documentId),
        mail: await data.outbox(profile.email),
      };
    },

    // A link the subscriber can follow to download their data, valid for 7 days.
    async exportLink(documentId: string) {
      await load(documentId);
      const token = tokens().issue(EXPORT_PURPOSE, documentId, EXPORT_LINK_TTL_MS);
      const base = (strapi.config.get('herald') as { publicUrl: string }).publicUrl.replace(/\/$/, '');
      return {
        url: `${base}/api/audience/gdpr/export?token=${encodeURIComponent(token)}`,
        expiresAt: new Date(Date.now() + EXPORT_LINK_TTL_MS),
      };
    },

    async exportByToken(token: string | undefined) {
      const reading = tokens().read(EXPORT_PURPOSE, token);
      if (!reading.ok) throw new Refusal('invalid', `token: ${reading.reason}`);
      return this.export(reading.token.subject);
    },

    async erase(documentId: string) {
      await strapi.db.transaction(async ({ trx }) => {
        const transaction = trx as Knex.Transaction;
        const subscriber = await load(documentId);
        const data = personalData(transaction);
        // Strapi's own delete, so every relation (tags, and any added later) goes with the row.
        await strapi.db.query(SUBSCRIBER as never).delete({ where: { id: subscriber.id } } as never);
        await data.deleteTimeline(documentId);
        await data.deleteOutbox(subscriber.email);
        await audience().service('consents').detach(documentId, transaction);
        await data.redactEvents(documentId, subscriber.email);
        await data.rememberErasure(emailHash(subscriber.email));
        // Other plugins cancel their own queued work for this subscriber when they see this event.
        await strapi
          .plugin('platform')
          .service('events')
          .emit('subscriber.erased', { subscriberId: documentId }, { transaction, subject: `subscriber:${documentId}` });
      });
      return { erased: documentId };
    },

    // Whether this address was erased: an import must not bring it back.
    isErased: async (email: string): Promise<boolean> => (await erasedAmong([email])).size > 0,
    erasedAmong,
  };
};
