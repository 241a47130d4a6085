import type { Core } from '@strapi/strapi';
import type { HeraldEvent } from '../../../../types/shared/events';
import { runsWorkers, type HeraldConfig } from './domain/herald-config';
import { ACTION_DEFINITIONS } from './domain/permissions';
import { WEBHOOK_QUEUE } from './services/webhooks';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ACTION_DEFINITIONS);

  const platform = strapi.plugin('platform');
  const queues = platform.service('queues');
  const webhooks = platform.service('webhooks');
  platform.service('events').subscribe(
    '*',
    (event: HeraldEvent) => webhooks.fanOut(event),
    (type: string) => webhooks.wants(type)
  );
  queues.registerWorker(WEBHOOK_QUEUE, (job: Parameters<typeof webhooks.process>[0]) => webhooks.process(job), {
    concurrency: 16,
    settings: { backoffStrategy: (attemptsMade: number) => webhooks.backoffStrategy(attemptsMade) },
  });

  if (!runsWorkers(strapi.config.get('herald') as HeraldConfig)) return;
  await platform.service('preflight').evictionPolicy(queues.redis());
  // Workers other plugins register later (in their own bootstrap) start as they are registered.
  queues.startWorkers();
  await platform.service('events').startDispatcher();
};
