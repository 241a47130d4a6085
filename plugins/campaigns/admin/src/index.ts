import { Layout, PaperPlane } from '@strapi/icons';

export default {
  register(app: { addMenuLink(link: object): void; registerPlugin(plugin: object): void }) {
    app.addMenuLink({
      to: 'plugins/campaigns/templates',
      icon: Layout,
      intlLabel: { id: 'campaigns.templates.menu', defaultMessage: 'Templates' },
      Component: () => import('./pages/TemplatesApp'),
      permissions: [],
    });
    app.addMenuLink({
      to: 'plugins/campaigns/campaigns',
      icon: PaperPlane,
      intlLabel: { id: 'campaigns.campaigns.menu', defaultMessage: 'Campaigns' },
      Component: () => import('./pages/CampaignsApp'),
      permissions: [],
    });
    app.registerPlugin({ id: 'campaigns', name: 'Campaigns' });
  },
};
