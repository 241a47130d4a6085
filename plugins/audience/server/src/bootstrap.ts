import type { Core } from '@strapi/strapi';
import { ACTION_DEFINITIONS } from './domain/permissions';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ACTION_DEFINITIONS);
  const runner = strapi.plugin('audience').service('import-runner');
  runner.register();
  strapi.plugin('audience').service('tagging').register();
  await runner.resumeStalled();
};
