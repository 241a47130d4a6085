import type { Knex } from 'knex';
import type schemaService from '../services/schema';

type Subscribers = ReturnType<ReturnType<typeof schemaService>['subscriberTable']>;
export type SubscriberKey = { id: number; documentId: string };

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

// Subscribers' internal ids (for link tables) beside their documentIds (for events and the timeline).
export const subscriberKeys = (knex: Knex, s: Subscribers) => {
  const select = `SELECT id, ${q(s.documentId)} AS "documentId" FROM ${q(s.table)}`;
  return {
    async byIds(ids: number[]): Promise<SubscriberKey[]> {
      const { rows } = await knex.raw(`${select} WHERE id = ANY(?::int[]) ORDER BY id`, [ids]);
      return rows;
    },
    // A keyset page of the listed subscribers, in id order.
    async byDocumentIds(documentIds: string[], afterId = 0, limit = documentIds.length): Promise<SubscriberKey[]> {
      const { rows } = await knex.raw(`${select} WHERE ${q(s.documentId)} = ANY(?::text[]) AND id > ? ORDER BY id LIMIT ?`, [
        documentIds,
        afterId,
        limit,
      ]);
      return rows;
    },
  };
};
