const member = [
  { method: 'POST', path: '/count', handler: 'membership.count' },
  { method: 'POST', path: '/preview', handler: 'membership.preview' },
  { method: 'GET', path: '/segments/:documentId/count', handler: 'membership.count' },
  { method: 'GET', path: '/segments/:documentId/preview', handler: 'membership.preview' },
];

const admin = { policies: ['admin::isAuthenticatedAdmin'] };

export default {
  // The builder's live count and preview, for signed-in admins.
  admin: { type: 'admin', routes: member.map((r) => ({ ...r, config: admin })) },
  'content-api': {
    type: 'content-api',
    routes: [
      ...member,
      { method: 'GET', path: '/segments', handler: 'segment.find' },
      { method: 'GET', path: '/segments/:id', handler: 'segment.findOne' },
      { method: 'POST', path: '/segments', handler: 'segment.create' },
      { method: 'PUT', path: '/segments/:id', handler: 'segment.update' },
      { method: 'DELETE', path: '/segments/:id', handler: 'segment.delete' },
    ],
  },
};
