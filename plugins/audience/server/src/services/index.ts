import { factories } from '@strapi/strapi';
import activity from './activity';
import consents from './consents';
import formCounts from './form-counts';
import formRules from './form-rules';
import exportService from './export';
import fields from './fields';
import gdpr from './gdpr';
import importService from './import';
import importRunner from './import-runner';
import preferences from './preferences';
import publicForms from './public-forms';
import publicGuards from './public-guards';
import schema from './schema';
import subscriberRules from './subscriber-rules';
import subscriberSearch from './subscriber-search';
import subscriptions from './subscriptions';
import tagLookup from './tag-lookup';
import tagResolver from './tag-resolver';
import tagging from './tagging';
import { FIELD_DEFINITION, FORM, SUBSCRIBER, TAG } from '../domain/uids';

export default {
  activity,
  consents,
  'form-counts': formCounts,
  'form-rules': formRules,
  preferences,
  'public-forms': publicForms,
  'public-guards': publicGuards,
  subscriptions,
  fields,
  import: importService,
  'import-runner': importRunner,
  schema,
  'subscriber-rules': subscriberRules,
  'subscriber-search': subscriberSearch,
  'tag-resolver': tagResolver,
  'tag-lookup': tagLookup,
  tagging,
  export: exportService,
  gdpr,
  subscriber: factories.createCoreService(SUBSCRIBER as never),
  tag: factories.createCoreService(TAG as never),
  'field-definition': factories.createCoreService(FIELD_DEFINITION as never),
  form: factories.createCoreService(FORM as never),
};
