import type { Core } from '@strapi/strapi';
import { createLiquid } from '../domain/liquid';
import type { LiquidContext } from '../domain/liquid-context';
import type { Brand } from '../domain/render/brand';
import type { RenderedEmail } from '../domain/render/email';

const SUBSCRIBER = 'plugin::audience.subscriber';

type StoredSubscriber = {
  id: number;
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  status: string;
  timeZone?: string | null;
  language?: string | null;
  createdAt: string;
  fields?: Record<string, unknown> | null;
  tags?: Array<{ name: string }>;
};

export class SubscriberNotFound extends Error {}

// Shown when no subscriber is chosen, so a preview never needs real data.
const SAMPLE_SUBSCRIBER: LiquidContext['subscriber'] = {
  email: 'subscriber@example.com',
  first_name: 'Ada',
  last_name: 'Lovelace',
  status: 'active',
  time_zone: 'UTC',
  language: 'en',
  created_at: new Date(0).toISOString(),
  tags: [],
  fields: {},
};

const html = createLiquid({ escapeHtml: true });
const text = createLiquid();

// Previews and test sends: a compiled template personalised as one subscriber would receive it.
// Links point nowhere (#) so a preview can never unsubscribe anyone.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const memberships = async (segments: string[], subscriberId: number): Promise<string[]> => {
    const engine = strapi.plugin('segments').service('engine');
    const inside = await Promise.all(segments.map((segment) => engine.contains(segment, subscriberId).catch(() => false)));
    return segments.filter((_, i) => inside[i]);
  };

  return {
    async context(
      subscriberDocumentId: string | undefined,
      segments: string[],
      campaign: LiquidContext['campaign']
    ): Promise<LiquidContext> {
      const brand: Brand = await strapi.plugin('campaigns').service('brand').get();
      const base = {
        campaign,
        links: { unsubscribe: '#unsubscribe', preferences: '#preferences' },
        sender: { name: brand.senderName, address: brand.senderAddress, postal_address: brand.postalAddress },
      };
      if (!subscriberDocumentId) return { ...base, subscriber: SAMPLE_SUBSCRIBER, segments: [] };
      const found = (await strapi
        .documents(SUBSCRIBER as never)
        .findOne({ documentId: subscriberDocumentId, populate: { tags: { fields: ['name'] } } } as never)) as StoredSubscriber | null;
      if (!found) throw new SubscriberNotFound(`no subscriber ${subscriberDocumentId}`);
      return {
        ...base,
        subscriber: {
          email: found.email,
          first_name: found.firstName ?? null,
          last_name: found.lastName ?? null,
          status: found.status,
          time_zone: found.timeZone ?? null,
          language: found.language ?? null,
          created_at: new Date(found.createdAt).toISOString(),
          tags: (found.tags ?? []).map((tag) => tag.name),
          fields: found.fields ?? {},
        },
        segments: await memberships(segments, found.id),
      };
    },

    async personalise(rendered: RenderedEmail, context: LiquidContext): Promise<{ html: string; text: string; subject: string }> {
      return {
        html: await html.parseAndRender(rendered.html, context),
        text: await text.parseAndRender(rendered.text, context),
        subject: await text.parseAndRender(context.campaign.subject, context),
      };
    },
  };
};
