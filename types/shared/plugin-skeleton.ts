// The shape of a Strapi plugin server with nothing in it yet, for domains still waiting for their issue.
export const emptyPluginServer = () => ({
  register() {},
  bootstrap() {},
  destroy() {},
  config: { default: {}, validator() {} },
  contentTypes: {},
  controllers: {},
  routes: {},
  services: {},
  policies: {},
  middlewares: {},
});
