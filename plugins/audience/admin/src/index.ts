import { CloudUpload } from '@strapi/icons';

const PLUGIN_ID = 'audience';

export default {
  register(app: { addMenuLink(link: object): void; registerPlugin(plugin: object): void }) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/import`,
      icon: CloudUpload,
      intlLabel: { id: `${PLUGIN_ID}.import.menu`, defaultMessage: 'Import subscribers' },
      Component: () => import('./pages/ImportPage'),
      permissions: [{ action: 'plugin::audience.import', subject: null }],
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Herald audience' });
  },
};
