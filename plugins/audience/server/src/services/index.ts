import { factories } from '@strapi/strapi';
import activity from './activity';
import fields from './fields';
import importService from './import';
import importRunner from './import-runner';
import schema from './schema';
import subscriberRules from './subscriber-rules';
import tagResolver from './tag-resolver';
import { FIELD_DEFINITION, SUBSCRIBER, TAG } from '../domain/uids';

export default {
  activity,
  fields,
  import: importService,
  'import-runner': importRunner,
  schema,
  'subscriber-rules': subscriberRules,
  'tag-resolver': tagResolver,
  subscriber: factories.createCoreService(SUBSCRIBER as never),
  tag: factories.createCoreService(TAG as never),
  'field-definition': factories.createCoreService(FIELD_DEFINITION as never),
};
