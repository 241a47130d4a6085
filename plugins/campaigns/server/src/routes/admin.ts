import { requireActions } from '../../../../../types/shared/admin-routes';
import { campaignActionRoutes } from './campaign-actions';

const TEMPLATE = 'plugin::campaigns.template';

// Allowed to whoever may read (or, to change things, update) templates in the content manager.
const can = (action: 'read' | 'update') => requireActions([`plugin::content-manager.explorer.${action}`, TEMPLATE]);

export default {
  type: 'admin',
  routes: [
    ...campaignActionRoutes(true),
    {
      method: 'GET',
      path: '/campaigns-overview',
      handler: 'campaign-actions.overview',
      config: requireActions(['plugin::content-manager.explorer.read', 'plugin::campaigns.campaign']),
    },
    { method: 'POST', path: '/templates/preview', handler: 'template-tools.preview', config: can('read') },
    { method: 'POST', path: '/templates/send-test', handler: 'template-tools.sendTest', config: can('read') },
    { method: 'GET', path: '/templates/:documentId/versions', handler: 'template-versions.list', config: can('read') },
    { method: 'GET', path: '/templates/:documentId/versions/:version', handler: 'template-versions.show', config: can('read') },
    {
      method: 'POST',
      path: '/templates/:documentId/versions/:version/restore',
      handler: 'template-versions.restore',
      config: can('update'),
    },
    { method: 'POST', path: '/assistant/subjects', handler: 'assistant.subjects', config: can('read') },
    { method: 'POST', path: '/assistant/draft', handler: 'assistant.draft', config: can('read') },
    { method: 'POST', path: '/assistant/rewrite', handler: 'assistant.rewrite', config: can('read') },
  ],
};
