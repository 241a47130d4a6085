import type { Core } from '@strapi/strapi';
import type { HeraldEvent } from '../../../../../types/shared/events';
import { CAMPAIGN } from '../domain/campaign-config';

type SendPayload = { campaignId: string; subscriberIds: string[]; reason?: string };

// Puts every campaign message on its recipient's activity timeline ("sent Spring news", or why it
// failed), from the email.sent / email.failed events the send pipeline emits per batch: written by
// the event dispatcher after the fact, never on the send's own path.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const names = new Map<string, Promise<string>>();
  const nameOf = (documentId: string) => {
    if (!names.has(documentId)) {
      const found = strapi.documents(CAMPAIGN as never).findOne({ documentId, fields: ['name'] } as never) as Promise<{
        name: string;
      } | null>;
      names.set(
        documentId,
        found.then((c) => c?.name ?? documentId)
      );
    }
    return names.get(documentId)!;
  };

  const onSend = async (event: HeraldEvent) => {
    const { campaignId, subscriberIds, reason } = event.payload as SendPayload;
    const data = { campaignId, campaignName: await nameOf(campaignId), ...(reason ? { reason } : {}) };
    const type = event.type === 'email.sent' ? 'email-sent' : 'email-failed';
    await strapi
      .plugin('audience')
      .service('activity')
      .recordOnce(
        event.id,
        subscriberIds.map((subscriberDocumentId) => ({ subscriberDocumentId, type, data, actor: 'campaigns' }))
      );
  };

  return {
    register() {
      const events = strapi.plugin('platform').service('events');
      events.subscribe('email.sent', onSend);
      events.subscribe('email.failed', onSend);
    },
  };
};
