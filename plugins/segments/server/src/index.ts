import type { Core } from '@strapi/strapi';
import type { HeraldEvent } from '../../../../types/shared/events';
import contentTypes from './content-types';
import controllers from './controllers';
import routes from './routes';
import services from './services';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('segments').service('segment-rules').register();
  },
  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const engagement = strapi.plugin('segments').service('engagement');
    strapi
      .plugin('platform')
      .service('events')
      .subscribe('email.*', (event: HeraldEvent) => engagement.apply(event));
  },
  destroy() {},
  config: { default: {}, validator() {} },
  contentTypes,
  controllers,
  routes,
  services,
  policies: {},
  middlewares: {},
};
