import { factories } from '@strapi/strapi';
import auditLog from './audit-log';
import outbox from './outbox';
import queueDashboard from './queue-dashboard';
import webhookDeliveries from './webhook-deliveries';

export default {
  auditLog,
  outbox,
  queueDashboard,
  webhookDeliveries,
  'webhook-subscription': factories.createCoreController('plugin::platform.webhook-subscription' as never),
};
