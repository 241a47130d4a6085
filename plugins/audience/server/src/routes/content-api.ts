// REST for subscribers, tags and custom fields, governed by users-permissions roles and API tokens.
const crud = (path: string, controller: string) => [
  { method: 'GET', path: `/${path}`, handler: `${controller}.find` },
  { method: 'GET', path: `/${path}/:id`, handler: `${controller}.findOne` },
  { method: 'POST', path: `/${path}`, handler: `${controller}.create` },
  { method: 'PUT', path: `/${path}/:id`, handler: `${controller}.update` },
  { method: 'DELETE', path: `/${path}/:id`, handler: `${controller}.delete` },
];

// The only anonymous routes: public forms, double opt-in, preference center and unsubscribe. Each
// carries a signed token or is limited per address (see the controllers).
const anonymous = { auth: false as const };
const publicRoutes = [
  { method: 'GET', path: '/forms/:documentId/page', handler: 'public-forms.page', config: anonymous },
  { method: 'GET', path: '/forms/:documentId/definition', handler: 'public-forms.definition', config: anonymous },
  { method: 'POST', path: '/forms/:documentId/submissions', handler: 'public-forms.submit', config: anonymous },
  { method: 'GET', path: '/confirm', handler: 'confirmation.show', config: anonymous },
  { method: 'POST', path: '/confirm', handler: 'confirmation.confirm', config: anonymous },
  { method: 'GET', path: '/preferences', handler: 'preferences.show', config: anonymous },
  { method: 'POST', path: '/preferences', handler: 'preferences.save', config: anonymous },
  { method: 'GET', path: '/unsubscribe', handler: 'preferences.unsubscribePage', config: anonymous },
  { method: 'POST', path: '/unsubscribe', handler: 'preferences.unsubscribe', config: anonymous },
];

export default {
  type: 'content-api',
  routes: [
    ...crud('subscribers', 'subscriber'),
    { method: 'GET', path: '/subscribers/:documentId/timeline', handler: 'timeline.show' },
    ...crud('tags', 'tag'),
    ...crud('field-definitions', 'field-definition'),
    { method: 'GET', path: '/subscribers/:documentId/consents', handler: 'consents.list' },
    { method: 'GET', path: '/exports/subscribers.csv', handler: 'exports.subscribers' },
    { method: 'POST', path: '/tagging', handler: 'tagging.apply' },
    { method: 'GET', path: '/tagging/:id', handler: 'tagging.show' },
    { method: 'GET', path: '/subscribers/:documentId/gdpr-export', handler: 'gdpr.export' },
    { method: 'POST', path: '/subscribers/:documentId/gdpr-export-link', handler: 'gdpr.exportLink' },
    { method: 'POST', path: '/subscribers/:documentId/erase', handler: 'gdpr.erase' },
    // Signed link a subscriber follows to download their own data (GDPR access right); read-only.
    { method: 'GET', path: '/gdpr/export', handler: 'gdpr.exportByToken', config: anonymous },
    ...crud('forms', 'form'),
    { method: 'GET', path: '/forms/:documentId/counts', handler: 'form.counts' },
    ...publicRoutes,
  ],
};
