import { CloudUpload, Feather } from '@strapi/icons';
import { FormPanel } from './components/FormPanel';
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
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/forms`,
      icon: Feather,
      intlLabel: { id: `${PLUGIN_ID}.forms.menu`, defaultMessage: 'Forms' },
      Component: () => import('./pages/FormsPage'),
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'plugin::audience.form' }],
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Herald audience' });
  },
  // Side panels: a subscriber's timeline, consents and GDPR actions; a form's counts and embed snippet.
  bootstrap(app: { getPlugin(id: string): { apis: unknown } }) {
    (app.getPlugin('content-manager').apis as { addEditViewSidePanel(panels: unknown[]): void }).addEditViewSidePanel([
      SubscriberPanel,
      FormPanel,
    ]);
  },
};
