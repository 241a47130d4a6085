import type { Core } from '@strapi/strapi';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.plugin('campaigns').service('template-starters').seed();
  strapi.plugin('campaigns').service('send-timeline').register();
  await strapi.plugin('campaigns').service('send-jobs').start();
};
