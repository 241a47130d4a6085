import { CloudUpload } from '@strapi/icons';
import { SubscriberPanel } from './components/SubscriberPanel';

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
  // The subscriber side panel: timeline, consents, GDPR export and erase.
  bootstrap(app: { getPlugin(id: string): { apis: unknown } }) {
    (app.getPlugin('content-manager').apis as { addEditViewSidePanel(panels: unknown[]): void }).addEditViewSidePanel([SubscriberPanel]);
  },
};
