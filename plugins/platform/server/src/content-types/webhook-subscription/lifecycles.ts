import { randomBytes } from 'node:crypto';
import { errors } from '@strapi/utils';

type Data = { url?: unknown; eventTypes?: unknown; secret?: unknown };

const invalid = (message: string, path: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

// Checks what the schema cannot express, so a bad subscription is refused with a 400 saying why.
const validate = (data: Data, creating: boolean) => {
  if (data.url !== undefined || creating) {
    let url: URL | undefined;
    try {
      url = new URL(String(data.url));
    } catch {
      /* reported below */
    }
    if (!url || !['http:', 'https:'].includes(url.protocol)) throw invalid('url must be an absolute http(s) URL', 'url');
  }
  if (data.eventTypes !== undefined || creating) {
    const types = data.eventTypes;
    const ok =
      Array.isArray(types) && types.length > 0 && types.every((t) => typeof t === 'string' && /^(\*|[a-z]+(\.[a-z_]+)*(\.\*)?)$/.test(t));
    if (!ok) throw invalid('eventTypes must be a non-empty list like ["subscriber.created", "campaign.*"] or ["*"]', 'eventTypes');
  }
  if (data.secret !== undefined && data.secret !== null && data.secret !== '' && String(data.secret).length < 16) {
    throw invalid('secret must be at least 16 characters (leave it empty to have one generated)', 'secret');
  }
};

const invalidateCache = () => strapi.plugin('platform').service('webhooks').invalidateCache();

export default {
  beforeCreate(event: { params: { data: Data } }) {
    validate(event.params.data, true);
    if (!event.params.data.secret) event.params.data.secret = randomBytes(32).toString('hex');
  },
  beforeUpdate(event: { params: { data: Data } }) {
    validate(event.params.data, false);
  },
  afterCreate: invalidateCache,
  afterUpdate: invalidateCache,
  afterDelete: invalidateCache,
};
