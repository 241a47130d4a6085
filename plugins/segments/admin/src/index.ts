import { Filter } from '@strapi/icons';

export default {
  register(app: { addMenuLink(link: object): void; registerPlugin(plugin: object): void }) {
    app.addMenuLink({
      to: 'plugins/segments',
      icon: Filter,
      intlLabel: { id: 'segments.menu', defaultMessage: 'Segments' },
      Component: () => import('./pages/App'),
      permissions: [],
    });
    app.registerPlugin({ id: 'segments', name: 'Segments' });
  },
};
