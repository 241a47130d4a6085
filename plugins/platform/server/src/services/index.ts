import { factories } from '@strapi/strapi';
import audit from './audit';
import events from './events';
import health from './health';
import lists from './lists';
import mail from './mail';
import preflight from './preflight';
import queues from './queues';
import settings from './settings';
import tokens from './tokens';
import webhooks from './webhooks';

export default {
  audit,
  events,
  health,
  lists,
  mail,
  preflight,
  queues,
  settings,
  tokens,
  webhooks,
  'webhook-subscription': factories.createCoreService('plugin::platform.webhook-subscription' as never),
};
