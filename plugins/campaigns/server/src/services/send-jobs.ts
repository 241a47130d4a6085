import type { Core } from '@strapi/strapi';
import type { Job } from 'bullmq';
import { SEND_QUEUE, type CampaignsConfig } from '../domain/campaign-config';
import { campaignStatusRepository } from '../repositories/campaign-status';

type SendJob = Job<{ campaignId: string }>;

const LOCK_MS = 10_000;

// The `campaign-send` queue's jobs: prepare (write the ledger), drain (send from it), reconcile.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('campaigns');

  const prepare = async (campaignId: string) => {
    const statuses = campaignStatusRepository(strapi.db.connection);
    if ((await statuses.find(campaignId))?.status !== 'sending') return;
    // The content compiles (template rendered, Liquid parsed) while PostgreSQL writes the ledger,
    // so this process's first drain finds it ready; a drain that fails to compile says why itself.
    plugin()
      .service('send-content')
      .forCampaign(campaignId)
      .catch(() => undefined);
    try {
      await plugin().service('send-audience').prepare(campaignId);
    } catch (err) {
      await plugin()
        .service('campaign-lifecycle')
        .tryMove(campaignId, 'fail', { status_reason: `audience: ${(err as Error).message}` });
      throw err;
    }
    await statuses.markPrepared(campaignId);
    await plugin().service('send-pipeline').enqueueDrains(campaignId);
  };

  const process = (job: SendJob, token?: string): Promise<void> => {
    if (job.name === 'prepare') return prepare(job.data.campaignId);
    if (job.name === 'drain') return plugin().service('send-pipeline').drain(job, token);
    if (job.name === 'reconcile') return plugin().service('reconciler').run();
    throw new Error(`unknown ${SEND_QUEUE} job ${job.name}`);
  };

  return {
    // In worker processes: take jobs, reconcile once now (work Redis lost while nobody ran), then on a tick.
    async start() {
      const queues = strapi.plugin('platform').service('queues');
      // A short lock lets the reconciler see a dead worker's job within seconds.
      // Room for every drain of a campaign (campaigns.parallelJobs), and at least 4 so prepare and
      // reconcile jobs are not stuck behind one campaign's drains.
      const { parallelJobs } = (strapi.config.get('herald') as { campaigns: CampaignsConfig }).campaigns;
      queues.registerWorker(SEND_QUEUE, process, { concurrency: Math.max(4, parallelJobs), lockDuration: LOCK_MS });
      if (queues.runningWorkers() === 0) return;
      await plugin().service('reconciler').run();
      plugin().service('reconciler').startTimer();
    },

    stop: () => plugin().service('reconciler').stopTimer(),
  };
};
