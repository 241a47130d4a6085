import { factories, type Core } from '@strapi/strapi';
import { parseAudience } from '../domain/campaign-audience';
import { CAMPAIGN } from '../domain/campaign-config';
import { parseSchedule, startAt } from '../domain/campaign-schedule';
import { ledgerRepository } from '../repositories/ledger';
import { campaignOverview } from '../repositories/campaign-overview';
import { campaignStatusRepository } from '../repositories/campaign-status';
import { sendClaimsRepository } from '../repositories/send-claims';
import { CampaignNotFound, IllegalTransition } from './campaign-lifecycle';

export class InvalidCampaign extends Error {
  readonly status = 400;
}

type CampaignDoc = {
  documentId: string;
  name: string;
  subject: string;
  preheader: string | null;
  fromName: string;
  fromAddress: string;
  replyTo: string | null;
  audience: unknown;
  schedule: unknown;
  template: { documentId: string } | null;
};

// What people do to a campaign (admin panel and REST): count, send, schedule, pause, resume,
// cancel, duplicate, watch progress, decide about unknown outcomes. Built on Strapi's core service,
// which the REST controller resolves by the campaign's uid.
export default factories.createCoreService(CAMPAIGN as never, ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('campaigns');
  const lifecycle = () => plugin().service('campaign-lifecycle');
  const ledger = () => ledgerRepository(strapi.db.connection);
  const claims = () => sendClaimsRepository(strapi.db.connection);

  const load = async (documentId: string): Promise<CampaignDoc> => {
    const found = (await strapi.documents(CAMPAIGN as never).findOne({
      documentId,
      populate: { template: { fields: ['documentId'] } },
    } as never)) as unknown as CampaignDoc | null;
    if (!found) throw new CampaignNotFound(`no campaign ${documentId}`);
    return found;
  };

  // What must hold before anything goes out; checked again by the pipeline.
  const sendable = async (documentId: string): Promise<CampaignDoc> => {
    const campaign = await load(documentId);
    const audience = parseAudience(campaign.audience);
    if (!audience.ok) throw new InvalidCampaign(audience.message);
    if (!campaign.template) throw new InvalidCampaign('choose a template before sending');
    return campaign;
  };

  const startSending = async (documentId: string) => {
    await lifecycle().move(
      documentId,
      'send',
      { started_at: new Date(), status_reason: null },
      { type: 'campaign.started', payload: { campaignId: documentId } }
    );
    await plugin().service('reconciler').enqueuePrepare(documentId);
  };

  return {
    // The stored audience's size, or that of `draft` (an audience being edited) when given.
    async audienceCount(documentId: string, draft?: unknown): Promise<number> {
      const campaign = await load(documentId);
      const audience = parseAudience(draft ?? campaign.audience);
      if (!audience.ok) throw new InvalidCampaign(audience.message);
      return plugin().service('send-audience').count(audience.audience);
    },

    async sendNow(documentId: string) {
      await sendable(documentId);
      await startSending(documentId);
    },

    // Called by the reconciler when a scheduled campaign is due; a lost race is not an error.
    async start(documentId: string) {
      try {
        await this.sendNow(documentId);
      } catch (err) {
        if (err instanceof InvalidCampaign) strapi.log.warn(`[campaigns] scheduled campaign ${documentId} cannot start: ${err.message}`);
        else if (!(err instanceof IllegalTransition)) throw err;
      }
    },

    async schedule(documentId: string, scheduleInput?: unknown) {
      const campaign = await sendable(documentId);
      const parsed = parseSchedule(scheduleInput ?? campaign.schedule);
      if (!parsed.ok) throw new InvalidCampaign(parsed.message);
      if (scheduleInput !== undefined)
        await strapi.documents(CAMPAIGN as never).update({ documentId, data: { schedule: parsed.schedule } } as never);
      if (parsed.schedule.mode === 'now') return startSending(documentId);
      const at = startAt(parsed.schedule, new Date());
      await lifecycle().move(
        documentId,
        'schedule',
        { starts_at: at },
        { type: 'campaign.scheduled', payload: { campaignId: documentId, at: at.toISOString() } }
      );
    },

    pause: (documentId: string) =>
      lifecycle().move(documentId, 'pause', { status_reason: 'paused' }, { type: 'campaign.paused', payload: { campaignId: documentId } }),

    async resume(documentId: string) {
      // Outcomes of messages handed over before this moment no longer count towards the auto-pause.
      await lifecycle().move(documentId, 'resume', { status_reason: null, resumed_at: new Date() });
      await plugin().service('reconciler').run();
    },

    async cancel(documentId: string) {
      await lifecycle().move(documentId, 'cancel', { status_reason: 'cancelled' });
      await claims().cancel(documentId, 'campaign cancelled');
    },

    async duplicate(documentId: string) {
      const c = await load(documentId);
      return strapi.documents(CAMPAIGN as never).create({
        data: {
          name: `${c.name} (copy)`,
          subject: c.subject,
          preheader: c.preheader,
          fromName: c.fromName,
          fromAddress: c.fromAddress,
          replyTo: c.replyTo,
          audience: c.audience,
          schedule: c.schedule,
          template: c.template?.documentId ?? null,
          status: 'draft',
        },
      } as never);
    },

    // Status and totals of the campaigns a list shows, in one query.
    overview: (documentIds: string[]) => campaignOverview(strapi.db.connection, documentIds),

    async progress(documentId: string) {
      const campaign = await campaignStatusRepository(strapi.db.connection).find(documentId);
      if (!campaign) throw new CampaignNotFound(`no campaign ${documentId}`);
      const counts = await ledger().progress(documentId);
      const { reason } =
        (await strapi.db.connection('herald_campaigns').where({ document_id: documentId }).first({ reason: 'status_reason' })) ?? {};
      return {
        status: campaign.status,
        reason: reason ?? null,
        total: counts.total,
        sent: counts.sent,
        failed: counts.failed,
        skipped: counts.skipped,
        unknown: counts.unknown,
        remaining: counts.queued + counts.sending,
        ratePerMinute: counts.ratePerMinute,
      };
    },

    // The explicit decision on messages whose outcome was lost: re-send them, or count them as sent.
    async resolveUnknown(documentId: string, decision: unknown) {
      if (decision !== 'resend' && decision !== 'sent') throw new InvalidCampaign('decision must be "resend" or "sent"');
      const status = (await campaignStatusRepository(strapi.db.connection).find(documentId))?.status;
      if (!status) throw new CampaignNotFound(`no campaign ${documentId}`);
      if (decision === 'resend' && status !== 'sending') await lifecycle().move(documentId, 'resend-unknown', { status_reason: null });
      const changed = await claims().resolveUnknown(documentId, decision);
      if (decision === 'resend') await plugin().service('reconciler').run();
      return { changed };
    },
  };
});
