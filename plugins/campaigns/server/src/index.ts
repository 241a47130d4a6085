import type { Core } from '@strapi/strapi';
import bootstrap from './bootstrap';
import contentTypes from './content-types';
import controllers from './controllers';
import register from './register';
import routes from './routes';
import services from './services';

export default {
  register,
  bootstrap,
  destroy({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('campaigns').service('send-jobs').stop();
  },
  config: { default: {}, validator() {} },
  contentTypes,
  controllers,
  routes,
  services,
  policies: {},
  middlewares: {},
};
