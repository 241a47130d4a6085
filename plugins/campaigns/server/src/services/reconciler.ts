import type { Core } from '@strapi/strapi';
import type { Job } from 'bullmq';
import { SEND_QUEUE, type CampaignsConfig } from '../domain/campaign-config';
import { campaignStatusRepository } from '../repositories/campaign-status';
import { sendClaimsRepository } from '../repositories/send-claims';

const LIVE_STATES = ['active', 'waiting', 'delayed', 'prioritized', 'paused', 'waiting-children'] as const;

// Rebuilds the queue from the ledger: Redis may lose jobs (a wiped or failed-over instance, a job
// that exhausted its retries), PostgreSQL does not. Runs at every worker's boot and then on a tick.
// The tick is a job whose id is the current time bucket, so however many workers run it, one
// reconcile runs per interval; being added from each worker's timer rather than kept as a BullMQ
// repeatable job, it survives the loss of Redis itself. Every step is a compare-and-set or an
// idempotent insert, so two reconciles at once do no harm.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => (strapi.config.get('herald') as { campaigns: CampaignsConfig }).campaigns;
  const queue = () => strapi.plugin('platform').service('queues').queue(SEND_QUEUE);
  const pipeline = () => strapi.plugin('campaigns').service('send-pipeline');
  let timer: NodeJS.Timeout | undefined;

  // Campaigns with a drain job waiting, delayed or held by a live worker. An active job whose lock
  // has expired belongs to a dead worker (BullMQ would only notice at its next stalled check).
  const liveDrains = async (): Promise<Set<string>> => {
    const queues = strapi.plugin('platform').service('queues');
    const jobs: Array<Job | undefined> = await queue().getJobs([...LIVE_STATES], 0, -1);
    const live = new Set<string>();
    for (const job of jobs) {
      if (job?.name !== 'drain') continue;
      const held =
        (await job.getState()) !== 'active' || (await queues.redis().exists(`${queues.prefix()}:${SEND_QUEUE}:${job.id}:lock`)) === 1;
      if (held) live.add((job.data as { campaignId: string }).campaignId);
    }
    return live;
  };

  return {
    enqueuePrepare: (campaignId: string) =>
      queue().add('prepare', { campaignId }, { jobId: `prepare-${campaignId}`, removeOnComplete: true, removeOnFail: true }),

    async run(): Promise<void> {
      const statuses = campaignStatusRepository(strapi.db.connection);
      const claims = sendClaimsRepository(strapi.db.connection);
      for (const due of await statuses.dueScheduled(new Date()))
        await strapi.plugin('campaigns').service('campaign').start(due.document_id);
      const live = await liveDrains();
      for (const campaign of await statuses.withStatus('sending')) {
        const id = campaign.document_id;
        const { requeued, unknown } = await claims.expire(id);
        if (requeued || unknown)
          strapi.log.warn(`[campaigns] ${id}: expired leases, ${requeued} re-queued, ${unknown} with unknown outcome`);
        if (!campaign.prepared_at) await this.enqueuePrepare(id);
        else if (!live.has(id) && !(await pipeline().finalize(id))) await pipeline().enqueueDrains(id);
      }
    },

    startTimer() {
      const every = config().reconcileMs;
      timer = setInterval(() => {
        queue()
          .add(
            'reconcile',
            {},
            { jobId: `reconcile-${Math.floor(Date.now() / every)}`, removeOnComplete: { age: 3600 }, removeOnFail: { age: 3600 } }
          )
          .catch((err: Error) => strapi.log.warn(`[campaigns] reconcile tick: ${err.message}`));
      }, every);
      timer.unref();
    },

    stopTimer() {
      clearInterval(timer);
      timer = undefined;
    },
  };
};
