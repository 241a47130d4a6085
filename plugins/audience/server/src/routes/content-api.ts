// REST for subscribers, tags and custom fields, governed by users-permissions roles and API tokens.
const crud = (path: string, controller: string) => [
  { method: 'GET', path: `/${path}`, handler: `${controller}.find` },
  { method: 'GET', path: `/${path}/:id`, handler: `${controller}.findOne` },
  { method: 'POST', path: `/${path}`, handler: `${controller}.create` },
  { method: 'PUT', path: `/${path}/:id`, handler: `${controller}.update` },
  { method: 'DELETE', path: `/${path}/:id`, handler: `${controller}.delete` },
];

export default {
  type: 'content-api',
  routes: [
    ...crud('subscribers', 'subscriber'),
    { method: 'GET', path: '/subscribers/:documentId/timeline', handler: 'timeline.show' },
    ...crud('tags', 'tag'),
    ...crud('field-definitions', 'field-definition'),
  ],
};
