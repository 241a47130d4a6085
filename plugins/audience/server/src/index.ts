import type { Core } from '@strapi/strapi';
import bootstrap from './bootstrap';
import contentTypes from './content-types';
import controllers from './controllers';
import middlewares from './middlewares';
import routes from './routes';
import services from './services';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('audience').service('subscriber-rules').register();
    strapi.plugin('audience').service('subscriber-search').register();
    strapi.plugin('audience').service('form-rules').register();
    strapi.hook('strapi::content-types.afterSync').register(() => strapi.plugin('audience').service('schema').ensureIndexes());
  },
  bootstrap,
  // Counts still in memory are saved before the database closes.
  destroy: ({ strapi }: { strapi: Core.Strapi }) => strapi.plugin('audience').service('form-counts').flush(),
  config: { default: {}, validator() {} },
  contentTypes,
  controllers,
  routes,
  services,
  policies: {},
  middlewares,
};
