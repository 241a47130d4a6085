import { Server } from '@strapi/icons';

const PLUGIN_ID = 'platform';

export default {
  register(app: { addMenuLink(link: object): void; registerPlugin(plugin: object): void }) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Server,
      intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: 'Herald platform' },
      Component: () => import('./pages/App'),
      permissions: [],
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Herald platform' });
  },
};
