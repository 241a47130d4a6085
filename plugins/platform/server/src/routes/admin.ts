import { requireActions } from '../../../../../types/shared/admin-routes';
import { ACTIONS } from '../domain/permissions';

export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/overview', handler: 'queueDashboard.overview', config: requireActions(ACTIONS.queues) },
    { method: 'POST', path: '/queue-dashboard/session', handler: 'queueDashboard.session', config: requireActions(ACTIONS.queues) },
    { method: 'GET', path: '/webhook-deliveries', handler: 'webhookDeliveries.list', config: requireActions(ACTIONS.webhooks) },
    { method: 'GET', path: '/webhook-deliveries/:id', handler: 'webhookDeliveries.show', config: requireActions(ACTIONS.webhooks) },
    {
      method: 'POST',
      path: '/webhook-deliveries/:id/resend',
      handler: 'webhookDeliveries.resend',
      config: requireActions(ACTIONS.webhooksResend),
    },
    { method: 'GET', path: '/outbox', handler: 'outbox.list', config: requireActions(ACTIONS.outbox) },
    { method: 'GET', path: '/outbox/:id', handler: 'outbox.show', config: requireActions(ACTIONS.outbox) },
    { method: 'GET', path: '/audit-log', handler: 'auditLog.list', config: requireActions(ACTIONS.audit) },
  ],
};
