import { factories } from '@strapi/strapi';
import assistant from './assistant';
import campaignActions from './campaign-actions';
import templateTools from './template-tools';
import templateVersions from './template-versions';

export default {
  assistant,
  campaign: factories.createCoreController('plugin::campaigns.campaign' as never),
  'campaign-actions': campaignActions,
  template: factories.createCoreController('plugin::campaigns.template' as never),
  'template-tools': templateTools,
  'template-versions': templateVersions,
};
