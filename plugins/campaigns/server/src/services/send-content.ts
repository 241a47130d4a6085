import type { Core } from '@strapi/strapi';
import { CAMPAIGN, type CampaignsConfig } from '../domain/campaign-config';
import { createLiquid } from '../domain/liquid';
import type { LiquidContext } from '../domain/liquid-context';
import type { Envelope } from '../domain/send-message';
import { planSend, type SendPlan } from '../domain/send-plan';
import type { Recipient } from '../repositories/recipients';

type CampaignDoc = {
  documentId: string;
  name: string;
  subject: string;
  preheader?: string | null;
  fromName: string;
  fromAddress: string;
  replyTo?: string | null;
  updatedAt: string;
  template?: { documentId: string } | null;
};

export interface CampaignContent {
  envelope: Envelope;
  plan: SendPlan;
  context: (recipient: Recipient, links: { unsubscribe: string; preferences: string }) => LiquidContext;
}

export class CampaignNotSendable extends Error {}

const engines = { html: createLiquid({ escapeHtml: true }), text: createLiquid() };

// A campaign's content compiled once per process and campaign version (the Liquid parsed once),
// then rendered per recipient. Segment memberships that template conditions test are read once
// per compilation (one streamed query per segment), not per recipient.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cache = new Map<string, { version: string; content: Promise<CampaignContent> }>();
  const config = () => (strapi.config.get('herald') as { campaigns: CampaignsConfig }).campaigns;

  const memberships = async (segments: string[]): Promise<Array<[string, Set<number>]>> => {
    const engine = strapi.plugin('segments').service('engine');
    const out: Array<[string, Set<number>]> = [];
    for (const segment of segments) {
      const members = new Set<number>();
      for await (const ids of engine.stream(segment) as AsyncGenerator<number[]>) ids.forEach((id) => members.add(id));
      out.push([segment, members]);
    }
    return out;
  };

  const build = async (campaign: CampaignDoc): Promise<CampaignContent> => {
    if (!campaign.template) throw new CampaignNotSendable('the campaign has no template');
    const compiled = await strapi
      .plugin('campaigns')
      .service('template')
      .compile(campaign.template.documentId, { preheader: campaign.preheader });
    const plan = planSend({ subject: campaign.subject, html: compiled.html, text: compiled.text }, engines, {
      renderedBatches: config().renderedBatches,
    });
    const members = await memberships(compiled.segments);
    // The brand's postal address, set once for every template; the environment's when it has none.
    const brand = await strapi.plugin('campaigns').service('brand').get();
    const sender = {
      name: campaign.fromName,
      address: campaign.fromAddress,
      postal_address: brand.postalAddress || config().postalAddress,
    };
    return {
      envelope: {
        campaignId: campaign.documentId,
        from: campaign.fromAddress,
        fromName: campaign.fromName,
        replyTo: campaign.replyTo ?? undefined,
      },
      plan,
      context: (r, links) => ({
        subscriber: {
          email: r.email,
          first_name: r.firstName,
          last_name: r.lastName,
          status: r.status,
          time_zone: r.timeZone,
          language: r.language,
          created_at: r.createdAt,
          tags: r.tags,
          fields: r.fields,
        },
        segments: members.filter(([, ids]) => ids.has(r.id)).map(([segment]) => segment),
        campaign: { name: campaign.name, subject: campaign.subject },
        links,
        sender,
      }),
    };
  };

  return {
    async forCampaign(documentId: string): Promise<CampaignContent> {
      const campaign = (await strapi.documents(CAMPAIGN as never).findOne({
        documentId,
        fields: ['name', 'subject', 'preheader', 'fromName', 'fromAddress', 'replyTo', 'updatedAt'],
        populate: { template: { fields: ['documentId'] } },
      } as never)) as unknown as CampaignDoc | null;
      if (!campaign) throw new CampaignNotSendable(`no campaign ${documentId}`);
      const cached = cache.get(documentId);
      if (cached?.version === campaign.updatedAt) return cached.content;
      const content = build(campaign);
      cache.set(documentId, { version: campaign.updatedAt, content });
      content.catch(() => cache.delete(documentId));
      return content;
    },
  };
};
