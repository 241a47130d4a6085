import type { Core } from '@strapi/strapi';
import bootstrap from './bootstrap';
import contentTypes from './content-types';
import controllers from './controllers';
import routes from './routes';
import services from './services';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('audience').service('subscriber-rules').register();
    strapi.hook('strapi::content-types.afterSync').register(() => strapi.plugin('audience').service('schema').ensureIndexes());
  },
  bootstrap,
  destroy() {},
  config: { default: {}, validator() {} },
  contentTypes,
  controllers,
  routes,
  services,
  policies: {},
  middlewares: {},
};
