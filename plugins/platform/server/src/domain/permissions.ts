// Admin RBAC actions of the platform plugin (super admins hold them all).
export const ACTIONS = {
  webhooks: 'plugin::platform.webhooks.read',
  webhooksResend: 'plugin::platform.webhooks.resend',
  outbox: 'plugin::platform.outbox.read',
  audit: 'plugin::platform.audit.read',
  queues: 'plugin::platform.queues.read',
} as const;

export const ACTION_DEFINITIONS = [
  { uid: 'webhooks.read', displayName: 'Read webhook deliveries' },
  { uid: 'webhooks.resend', displayName: 'Resend webhook deliveries' },
  { uid: 'outbox.read', displayName: 'Read the mail outbox' },
  { uid: 'audit.read', displayName: 'Read the audit log' },
  { uid: 'queues.read', displayName: 'Open the queue dashboard' },
].map((a) => ({ ...a, section: 'plugins', pluginName: 'platform' }));
