import { campaignActionRoutes, campaignCrudRoutes } from './campaign-actions';

export default {
  type: 'content-api',
  routes: [
    ...campaignCrudRoutes,
    ...campaignActionRoutes(false),
    { method: 'GET', path: '/templates', handler: 'template.find' },
    { method: 'GET', path: '/templates/:id', handler: 'template.findOne' },
    { method: 'POST', path: '/templates', handler: 'template.create' },
    { method: 'PUT', path: '/templates/:id', handler: 'template.update' },
    { method: 'DELETE', path: '/templates/:id', handler: 'template.delete' },
  ],
};
