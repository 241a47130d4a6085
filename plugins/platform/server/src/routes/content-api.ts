// Webhook subscriptions over REST, governed by users-permissions roles and API tokens.
const handler = (action: string) => `webhook-subscription.${action}`;

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/webhook-subscriptions', handler: handler('find') },
    { method: 'GET', path: '/webhook-subscriptions/:id', handler: handler('findOne') },
    { method: 'POST', path: '/webhook-subscriptions', handler: handler('create') },
    { method: 'PUT', path: '/webhook-subscriptions/:id', handler: handler('update') },
    { method: 'DELETE', path: '/webhook-subscriptions/:id', handler: handler('delete') },
  ],
};
