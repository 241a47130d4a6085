import type { Core } from '@strapi/strapi';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.plugin('campaigns').service('template-rules').register();
  strapi.plugin('campaigns').service('campaign-guard').register();
  strapi.plugin('campaigns').service('brand').register();
};
