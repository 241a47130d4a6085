import type { Core } from '@strapi/strapi';

// SIGTERM lands here (through strapi.destroy): stop dispatching, let running jobs finish within
// the drain timeout, then close Redis. Strapi closes the HTTP server and database afterwards.
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const platform = strapi.plugin('platform');
  await platform.service('events').stopDispatchers();
  await platform.service('queues').close();
};
