import type { Core } from '@strapi/strapi';

// Runs before Strapi opens its database pool: refuse to boot with a clear reason when the
// install cannot work, then hook the audit log into the Document Service.
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const preflight = strapi.plugin('platform').service('preflight');
  preflight.secrets();
  await preflight.postgres();
  await preflight.redis();
  strapi.plugin('platform').service('audit').register();
};
