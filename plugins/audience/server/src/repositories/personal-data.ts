import type { Knex } from 'knex';

const ERASED = '[erased]';
// Strapi's pg connection hands jsonb back as text.
const parsed = (key: string) => (rows: Array<Record<string, unknown>>) =>
  rows.map((r) => ({ ...r, [key]: typeof r[key] === 'string' ? JSON.parse(r[key] as string) : r[key] }));

// What Herald's own tables hold about one person beyond the subscriber row, for GDPR export and
// erasure. Events and the mail outbox belong to the platform plugin, whose services offer no
// per-person access; these are the only reads of its tables outside it, kept here in one place.
export const personalData = (db: Knex | Knex.Transaction) => {
  const namingEvents = (documentId: string) =>
    db('herald_events').where((w) =>
      w.where({ subject: `subscriber:${documentId}` }).orWhereRaw(`payload->>'subscriberId' = ?`, [documentId])
    );

  return {
    timeline: (documentId: string) =>
      db('herald_subscriber_activity')
        .where({ subscriber_document_id: documentId })
        .orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .select('type', 'data', 'actor', 'created_at')
        .then(parsed('data')),

    events: (documentId: string) =>
      namingEvents(documentId).orderBy('id').select('id', 'type', 'payload', 'created_at').then(parsed('payload')),

    outbox: (email: string) =>
      db('herald_mail_outbox')
        .whereRaw('lower(to_address) = lower(?)', [email])
        .orderBy('id')
        .select('from_address', 'to_address', 'reply_to', 'subject', 'html', 'text_body', 'created_at'),

    deleteTimeline: (documentId: string) => db('herald_subscriber_activity').where({ subscriber_document_id: documentId }).delete(),

    deleteOutbox: (email: string) => db('herald_mail_outbox').whereRaw('lower(to_address) = lower(?)', [email]).delete(),

    // Events stay (they are the history other systems were told), but the address in them is replaced:
    // wherever it appears as a JSON string, whatever the key. The opaque documentId stays, pointing at nothing.
    redactEvents: (documentId: string, email: string) =>
      namingEvents(documentId)
        .whereRaw('strpos(payload::text, to_json(?::text)::text) > 0', [email])
        .update({ payload: db.raw('replace(payload::text, to_json(?::text)::text, to_json(?::text)::text)::jsonb', [email, ERASED]) }),

    rememberErasure: (emailHash: string) =>
      db.raw('INSERT INTO herald_erasures (email_hash) VALUES (?) ON CONFLICT DO NOTHING', [emailHash]),

    erasedAmong: async (emailHashes: string[]): Promise<Set<string>> =>
      new Set(emailHashes.length ? await db('herald_erasures').whereIn('email_hash', emailHashes).pluck('email_hash') : []),
  };
};
