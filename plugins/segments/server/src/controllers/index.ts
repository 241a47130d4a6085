import { factories } from '@strapi/strapi';
import membership from './membership';

export default { membership, segment: factories.createCoreController('plugin::segments.segment' as never) };
