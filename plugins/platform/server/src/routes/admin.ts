import { ACTIONS } from '../domain/permissions';

const can = (action: string) => ({ policies: [{ name: 'admin::hasPermissions', config: { actions: [action] } }] });

export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/overview', handler: 'queueDashboard.overview', config: can(ACTIONS.queues) },
    { method: 'POST', path: '/queue-dashboard/session', handler: 'queueDashboard.session', config: can(ACTIONS.queues) },
    { method: 'GET', path: '/webhook-deliveries', handler: 'webhookDeliveries.list', config: can(ACTIONS.webhooks) },
    { method: 'GET', path: '/webhook-deliveries/:id', handler: 'webhookDeliveries.show', config: can(ACTIONS.webhooks) },
    { method: 'POST', path: '/webhook-deliveries/:id/resend', handler: 'webhookDeliveries.resend', config: can(ACTIONS.webhooksResend) },
    { method: 'GET', path: '/outbox', handler: 'outbox.list', config: can(ACTIONS.outbox) },
    { method: 'GET', path: '/outbox/:id', handler: 'outbox.show', config: can(ACTIONS.outbox) },
    { method: 'GET', path: '/audit-log', handler: 'auditLog.list', config: can(ACTIONS.audit) },
  ],
};
