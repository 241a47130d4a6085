import { requireActions } from '../../../../../types/shared/admin-routes';
import { ACTIONS } from '../domain/permissions';
import { FORM, SUBSCRIBER } from '../domain/uids';

export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/subscribers/:documentId/timeline',
      handler: 'timeline.show',
      config: requireActions(['plugin::content-manager.explorer.read', SUBSCRIBER]),
    },
    {
      method: 'GET',
      path: '/subscribers/:documentId/consents',
      handler: 'consents.list',
      config: requireActions(['plugin::content-manager.explorer.read', SUBSCRIBER]),
    },
    {
      method: 'GET',
      path: '/forms/:documentId/counts',
      handler: 'form.counts',
      config: requireActions(['plugin::content-manager.explorer.read', FORM]),
    },
    {
      method: 'GET',
      path: '/forms-counts',
      handler: 'form.countsOf',
      config: requireActions(['plugin::content-manager.explorer.read', FORM]),
    },
    { method: 'GET', path: '/exports/subscribers.csv', handler: 'exports.subscribers', config: requireActions(ACTIONS.export) },
    { method: 'POST', path: '/tagging', handler: 'tagging.apply', config: requireActions(ACTIONS.tag) },
    { method: 'GET', path: '/tagging/:id', handler: 'tagging.show', config: requireActions(ACTIONS.tag) },
    { method: 'GET', path: '/subscribers/:documentId/gdpr-export', handler: 'gdpr.export', config: requireActions(ACTIONS.gdpr) },
    { method: 'POST', path: '/subscribers/:documentId/gdpr-export-link', handler: 'gdpr.exportLink', config: requireActions(ACTIONS.gdpr) },
    { method: 'POST', path: '/subscribers/:documentId/erase', handler: 'gdpr.erase', config: requireActions(ACTIONS.gdpr) },
    { method: 'POST', path: '/imports', handler: 'imports.upload', config: requireActions(ACTIONS.import) },
    { method: 'GET', path: '/imports', handler: 'imports.list', config: requireActions(ACTIONS.import) },
    { method: 'GET', path: '/imports/:id', handler: 'imports.show', config: requireActions(ACTIONS.import) },
    { method: 'GET', path: '/imports/:id/preview', handler: 'imports.preview', config: requireActions(ACTIONS.import) },
    { method: 'POST', path: '/imports/:id/start', handler: 'imports.start', config: requireActions(ACTIONS.import) },
    { method: 'POST', path: '/imports/:id/cancel', handler: 'imports.cancel', config: requireActions(ACTIONS.import) },
    { method: 'GET', path: '/imports/:id/errors.csv', handler: 'imports.errors', config: requireActions(ACTIONS.import) },
  ],
};
