import type { Core } from '@strapi/strapi';
import { parseAudience } from '../domain/campaign-audience';
import { CAMPAIGN } from '../domain/campaign-config';
import { dueAt, parseSchedule } from '../domain/campaign-schedule';
import { ledgerRepository } from '../repositories/ledger';
import { recipientsRepository, type RecipientsRepository } from '../repositories/recipients';

const PAGE = 5000;
// Pages written at once: PostgreSQL inserts one page while the next is read and written.
const WRITES_IN_FLIGHT = 2;

const writeEach = async (source: AsyncGenerator<number[]>, write: (ids: number[]) => Promise<void>): Promise<void> => {
  const inFlight: Array<Promise<void>> = [];
  for await (const ids of source) {
    const written = write(ids);
    written.catch(() => undefined); // awaited below; a failure must not be reported as unhandled meanwhile
    inFlight.push(written);
    if (inFlight.length >= WRITES_IN_FLIGHT) await inFlight.shift();
  }
  await Promise.all(inFlight);
};

// Resolves a campaign's audience into its ledger rows: included segments and tags (or every active
// subscriber), only active subscribers, minus the excluded segments and tags. Written in keyset
// pages with ON CONFLICT DO NOTHING, so running it again after a crash adds nothing twice.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const ledger = () => ledgerRepository(knex());
  const subscriberTable = () => strapi.plugin('audience').service('schema').subscriberTable();

  const recipients = (): RecipientsRepository => {
    const schema = strapi.plugin('audience').service('schema');
    const tagMeta = strapi.db.metadata.get('plugin::audience.tag' as never) as unknown as { tableName: string };
    return recipientsRepository(knex(), schema.subscriberTable(), { links: schema.tagLinks(), table: tagMeta.tableName, name: 'name' });
  };

  const segmentIds = async function* (segments: string[]): AsyncGenerator<number[]> {
    const engine = strapi.plugin('segments').service('engine');
    for (const segment of segments) yield* engine.stream(segment, { batchSize: PAGE }) as AsyncGenerator<number[]>;
  };

  const taggedIds = async function* (tagDocumentIds: string[], all = false): AsyncGenerator<number[]> {
    const repo = recipients();
    const tagIds = all ? undefined : await repo.tagIdsOf(tagDocumentIds);
    if (tagIds && tagIds.length === 0) return;
    for (let after = 0; ;) {
      const ids = await repo.activeIds(after, PAGE, tagIds);
      if (ids.length === 0) return;
      yield ids;
      after = ids[ids.length - 1];
    }
  };

  return {
    recipients,

    // The number of distinct active subscribers the audience selects, without writing anything.
    async count(audienceValue: unknown): Promise<number> {
      const parsed = parseAudience(audienceValue);
      if (!parsed.ok) throw new Error(parsed.message);
      const { all, include, exclude } = parsed.audience;
      const chosen = new Set<number>();
      const sources = all ? [taggedIds([], true)] : [segmentIds(include.segments), taggedIds(include.tags)];
      for (const source of sources) for await (const ids of source) ids.forEach((id) => chosen.add(id));
      for (const source of [segmentIds(exclude.segments), taggedIds(exclude.tags)])
        for await (const ids of source) ids.forEach((id) => chosen.delete(id));
      if (all || include.segments.length === 0) return chosen.size;
      // Segments may hold inactive subscribers: count only active ones.
      const s = subscriberTable();
      const row = await knex()(s.table)
        .whereIn('id', [...chosen])
        .where(s.status, 'active')
        .count({ n: '*' })
        .first();
      return Number(row?.n ?? 0);
    },

    async prepare(campaignId: string): Promise<void> {
      const campaign = (await strapi
        .documents(CAMPAIGN as never)
        .findOne({ documentId: campaignId, fields: ['audience', 'schedule', 'startedAt'] } as never)) as {
        audience: unknown;
        schedule: unknown;
        startedAt: string | null;
      } | null;
      if (!campaign) return;
      const audience = parseAudience(campaign.audience);
      if (!audience.ok) throw new Error(audience.message);
      const { all, include, exclude } = audience.audience;
      const s = subscriberTable();
      const sources = all ? [taggedIds([], true)] : [segmentIds(include.segments), taggedIds(include.tags)];
      for (const source of sources) await writeEach(source, (ids) => ledger().insertActive(campaignId, ids, s));
      for (const source of [segmentIds(exclude.segments), taggedIds(exclude.tags)])
        await writeEach(source, (ids) => ledger().exclude(campaignId, ids));

      const schedule = parseSchedule(campaign.schedule);
      if (schedule.ok && schedule.schedule.mode === 'local') {
        const started = campaign.startedAt ? new Date(campaign.startedAt) : new Date();
        const zones = await ledger().zones(campaignId, s);
        const local = schedule.schedule;
        await ledger().setDueByZone(
          campaignId,
          zones.map((zone) => ({ zone, dueAt: dueAt(local, zone, started) })),
          s
        );
      }
    },
  };
};
