import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { STARTER_TEMPLATES } from '../domain/blocks-starters';
import { TEMPLATE } from './template';

// On first boot (no template at all), the starter templates; never again once any exists.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async seed() {
    if ((await strapi.documents(TEMPLATE as never).count({} as never)) > 0) return;
    for (const starter of STARTER_TEMPLATES) {
      try {
        await strapi.documents(TEMPLATE as never).create({ data: starter } as never);
      } catch (err) {
        // Another process booting at the same moment created it first (names are unique).
        if (!(err instanceof errors.ValidationError)) throw err;
      }
    }
  },
});
