import type { Core } from '@strapi/strapi';
import type { Job } from 'bullmq';
import type { Knex } from 'knex';
import type { SubscriberEvent } from '../domain/changes';
import { Refusal } from '../domain/refusal';
import { parseTaggingRequest, type TaggingRequest, type TaggingTarget } from '../domain/tagging-request';
import { subscriberKeys, type SubscriberKey } from '../repositories/subscriber-keys';
import { tagLinks } from '../repositories/tag-links';
import { taggingJobs, type TaggingJobRow } from '../repositories/tagging-jobs';

export const TAGGING_QUEUE = 'audience-tagging';
// Targets up to this size are tagged within the request, in one transaction; larger ones in the background.
export const SYNC_LIMIT = 1000;
const BATCH = 1000;

type Action = TaggingRequest['action'];

const view = (job: TaggingJobRow) => ({
  id: String(job.id),
  state: job.state,
  action: job.action,
  tagIds: job.tag_ids,
  total: job.total,
  processed: job.processed,
  changed: job.changed,
  error: job.error,
  createdAt: job.created_at,
  finishedAt: job.finished_at,
});

// Adds or removes tags for many subscribers at once. Each batch writes its links, events and timeline
// entries in one transaction; a link that already exists (or is already gone) writes and emits nothing.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const audience = () => strapi.plugin('audience');
  const knex = () => strapi.db.connection;
  const keys = () => subscriberKeys(knex(), audience().service('schema').subscriberTable());
  const links = () => tagLinks(audience().service('schema').tagLinks());
  const jobs = () => taggingJobs(knex());
  const engine = () => strapi.plugin('segments').service('engine');

  const applyBatch = async (
    trx: Knex.Transaction,
    action: Action,
    subscribers: SubscriberKey[],
    tagIds: number[],
    actor: string | null
  ) => {
    const ids = subscribers.map((s) => s.id);
    const changed = action === 'add' ? await links().add(trx, ids, tagIds) : await links().remove(trx, ids, tagIds);
    const tagsOf = new Map<number, number[]>();
    for (const link of changed) tagsOf.set(link.subscriberId, [...(tagsOf.get(link.subscriberId) ?? []), link.tagId]);
    const touched = subscribers.filter((s) => tagsOf.has(s.id));
    const type = action === 'add' ? 'subscriber.tagged' : 'subscriber.untagged';
    const events: SubscriberEvent[] = touched.map((s) => ({
      type,
      payload: { subscriberId: s.documentId, tags: tagsOf.get(s.id)!.map(String) },
      subject: `subscriber:${s.documentId}`,
    }));
    await strapi.plugin('platform').service('events').emitMany(events, { transaction: trx });
    await audience()
      .service('activity')
      .record(
        touched.map((s) => ({
          subscriberDocumentId: s.documentId,
          type: action === 'add' ? 'tagged' : 'untagged',
          data: { tagIds: tagsOf.get(s.id) },
          actor,
        })),
        trx
      );
    return changed.length;
  };

  // Tag ids for the request: adding may name new tags (created, as the import does); removing may not.
  const tagIdsFor = async (request: TaggingRequest): Promise<number[]> => {
    if (request.action === 'add')
      return [...new Set((await audience().service('tag-resolver').resolve(request.tags)).values())] as number[];
    const { tags, unknown } = await audience().service('tag-lookup').find(request.tags);
    if (unknown.length)
      throw new Refusal('invalid', `tags: no tag with the name or documentId ${unknown.map((t: string) => JSON.stringify(t)).join(', ')}`);
    return tags.map((t: { id: number }) => t.id);
  };

  // How many subscribers the target covers, refusing unknown subscribers or segments.
  const sizeOf = async (target: TaggingTarget): Promise<number> => {
    if ('segment' in target) {
      try {
        return await engine().count(target.segment);
      } catch (err) {
        throw new Refusal('invalid', `target.segment: ${(err as Error).message}`);
      }
    }
    const found = new Set((await keys().byDocumentIds(target.documentIds)).map((s) => s.documentId));
    const missing = target.documentIds.filter((d) => !found.has(d));
    if (missing.length)
      throw new Refusal('invalid', `target.documentIds: no subscriber ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`);
    return found.size;
  };

  // The target's subscribers in id order, in batches, after the given id (to resume a job).
  async function* batches(target: TaggingTarget, afterId: number): AsyncGenerator<SubscriberKey[]> {
    if ('segment' in target) {
      for await (const ids of engine().stream(target.segment, { batchSize: BATCH }) as AsyncGenerator<number[]>) {
        const rest = ids.filter((id) => id > afterId);
        if (rest.length) yield await keys().byIds(rest);
      }
      return;
    }
    for (let after = afterId; ;) {
      const page = await keys().byDocumentIds(target.documentIds, after, BATCH);
      if (page.length === 0) return;
      yield page;
      after = page[page.length - 1].id;
    }
  }

  return {
    // Small targets: done now, { state: 'done', ... }. Large ones: a queued job to follow with show().
    async request(body: unknown, actor: string | null) {
      const parsed = parseTaggingRequest(body);
      if (!parsed.ok) throw new Refusal('invalid', parsed.message);
      const { action, target } = parsed.request;
      const total = await sizeOf(target);
      const tagIds = await tagIdsFor(parsed.request);
      if (total > SYNC_LIMIT) {
        const id = await jobs().create({ action, tag_ids: tagIds, target, total, actor });
        await strapi
          .plugin('platform')
          .service('queues')
          .queue(TAGGING_QUEUE)
          .add('tagging', { taggingId: id }, { jobId: `tagging-${id}` });
        return this.show(id);
      }
      const subscribers: SubscriberKey[] = [];
      for await (const batch of batches(target, 0)) subscribers.push(...batch);
      const changed = await knex().transaction((trx) => applyBatch(trx, action, subscribers, tagIds, actor));
      return { state: 'done', action, tagIds, total: subscribers.length, processed: subscribers.length, changed };
    },

    async show(id: string) {
      const job = /^[1-9][0-9]{0,17}$/.test(id) ? await jobs().find(id) : undefined;
      if (!job) throw new Refusal('not-found', `no tagging job with id ${JSON.stringify(id)}`);
      return view(job);
    },

    // Runs a job from its last committed batch; safe to run twice (links are compare-and-set).
    async run(id: string) {
      if (!(await jobs().start(id))) return;
      const job = (await jobs().find(id))!;
      for await (const batch of batches(job.target, job.after_id)) {
        await knex().transaction(async (trx) => {
          const changed = await applyBatch(trx, job.action, batch, job.tag_ids, job.actor);
          await jobs().progress(trx, id, { lastId: batch[batch.length - 1].id, processed: batch.length, changed });
        });
      }
      await jobs().finish(id, 'done');
    },

    register() {
      strapi
        .plugin('platform')
        .service('queues')
        .registerWorker(
          TAGGING_QUEUE,
          async (job: Job<{ taggingId: string }>) => {
            try {
              await this.run(job.data.taggingId);
            } catch (err) {
              if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1))
                await jobs().finish(job.data.taggingId, 'failed', (err as Error).message);
              throw err;
            }
          },
          { concurrency: 1 }
        );
    },
  };
};
