import { ACTIONS } from '../domain/permissions';
import { FORM, SUBSCRIBER } from '../domain/uids';

// An action, or an action on a content type ([action, uid]).
const can = (action: string | [string, string]) => ({ policies: [{ name: 'admin::hasPermissions', config: { actions: [action] } }] });

export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/subscribers/:documentId/timeline',
      handler: 'timeline.show',
      config: can(['plugin::content-manager.explorer.read', SUBSCRIBER]),
    },
    {
      method: 'GET',
      path: '/subscribers/:documentId/consents',
      handler: 'consents.list',
      config: can(['plugin::content-manager.explorer.read', SUBSCRIBER]),
    },
    {
      method: 'GET',
      path: '/forms/:documentId/counts',
      handler: 'form.counts',
      config: can(['plugin::content-manager.explorer.read', FORM]),
    },
    { method: 'GET', path: '/exports/subscribers.csv', handler: 'exports.subscribers', config: can(ACTIONS.export) },
    { method: 'POST', path: '/tagging', handler: 'tagging.apply', config: can(ACTIONS.tag) },
    { method: 'GET', path: '/tagging/:id', handler: 'tagging.show', config: can(ACTIONS.tag) },
    { method: 'GET', path: '/subscribers/:documentId/gdpr-export', handler: 'gdpr.export', config: can(ACTIONS.gdpr) },
    { method: 'POST', path: '/subscribers/:documentId/gdpr-export-link', handler: 'gdpr.exportLink', config: can(ACTIONS.gdpr) },
    { method: 'POST', path: '/subscribers/:documentId/erase', handler: 'gdpr.erase', config: can(ACTIONS.gdpr) },
    { method: 'POST', path: '/imports', handler: 'imports.upload', config: can(ACTIONS.import) },
    { method: 'GET', path: '/imports', handler: 'imports.list', config: can(ACTIONS.import) },
    { method: 'GET', path: '/imports/:id', handler: 'imports.show', config: can(ACTIONS.import) },
    { method: 'GET', path: '/imports/:id/preview', handler: 'imports.preview', config: can(ACTIONS.import) },
    { method: 'POST', path: '/imports/:id/start', handler: 'imports.start', config: can(ACTIONS.import) },
    { method: 'POST', path: '/imports/:id/cancel', handler: 'imports.cancel', config: can(ACTIONS.import) },
    { method: 'GET', path: '/imports/:id/errors.csv', handler: 'imports.errors', config: can(ACTIONS.import) },
  ],
};
