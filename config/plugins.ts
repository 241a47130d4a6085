import type { Core } from '@strapi/strapi';

const local = (name: string) => ({ enabled: true, resolve: `./plugins/${name}` });

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      register: { allowedFields: [] },
    },
  },
  graphql: {
    // A worker process serves no HTTP: it skips building the GraphQL schema and the memory it holds.
    enabled: env('HERALD_PROCESS', 'all') !== 'worker',
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 7),
      amountLimit: env.int('GRAPHQL_AMOUNT_LIMIT', 100),
      defaultLimit: 25,
      maxLimit: env.int('GRAPHQL_MAX_LIMIT', 100),
      landingPage: env('NODE_ENV', 'development') !== 'production',
      apolloServer: { introspection: env('NODE_ENV', 'development') !== 'production' },
    },
  },
  platform: local('platform'),
  audience: local('audience'),
  segments: local('segments'),
  campaigns: local('campaigns'),
  tracking: local('tracking'),
  automations: local('automations'),
  booking: local('booking'),
});
