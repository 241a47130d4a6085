import { factories } from '@strapi/strapi';
import engagement from './engagement';
import engine from './engine';
import segmentRules from './segment-rules';

export default {
  engine,
  engagement,
  'segment-rules': segmentRules,
  segment: factories.createCoreService('plugin::segments.segment' as never),
};
