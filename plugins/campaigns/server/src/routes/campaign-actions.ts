import { requireActions } from '../../../../../types/shared/admin-routes';

// Campaign actions, shared by the admin and content-api route files; admin routes add RBAC.
const ACTIONS: Array<[method: 'GET' | 'POST', path: string, handler: string, change: boolean]> = [
  ['GET', 'count', 'count', false],
  // The same count for an audience being edited, before it is saved.
  ['POST', 'count', 'count', false],
  ['GET', 'progress', 'progress', false],
  ['POST', 'send', 'send', true],
  ['POST', 'schedule', 'schedule', true],
  ['POST', 'pause', 'pause', true],
  ['POST', 'resume', 'resume', true],
  ['POST', 'cancel', 'cancel', true],
  ['POST', 'duplicate', 'duplicate', true],
  ['POST', 'resolve-unknown', 'resolveUnknown', true],
];

const CAMPAIGN = 'plugin::campaigns.campaign';
const can = (change: boolean) => requireActions([`plugin::content-manager.explorer.${change ? 'update' : 'read'}`, CAMPAIGN]);

export const campaignActionRoutes = (admin: boolean) =>
  ACTIONS.map(([method, path, handler, change]) => ({
    method,
    path: `/campaigns/:documentId/${path}`,
    handler: `campaign-actions.${handler}`,
    ...(admin ? { config: can(change) } : {}),
  }));

export const campaignCrudRoutes = [
  { method: 'GET', path: '/campaigns', handler: 'campaign.find' },
  { method: 'GET', path: '/campaigns/:id', handler: 'campaign.findOne' },
  { method: 'POST', path: '/campaigns', handler: 'campaign.create' },
  { method: 'PUT', path: '/campaigns/:id', handler: 'campaign.update' },
  { method: 'DELETE', path: '/campaigns/:id', handler: 'campaign.delete' },
];
