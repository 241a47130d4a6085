// Herald's event names and payloads: the contract between plugins and outbound webhook receivers.
// Add an entry here before emitting a new event type.
export interface HeraldEventMap {
  'platform.test': { message: string };
  // tags: the ids of the tags it was created with (later additions are subscriber.tagged).
  'subscriber.created': { subscriberId: string; email: string; source?: string; tags: string[] };
  'subscriber.updated': { subscriberId: string; changed: string[] };
  'subscriber.tagged': { subscriberId: string; tags: string[] };
  'subscriber.untagged': { subscriberId: string; tags: string[] };
  'subscriber.unsubscribed': { subscriberId: string; reason?: string };
  'subscriber.confirmed': { subscriberId: string };
  'subscriber.erased': { subscriberId: string };
  'form.submitted': { formId: string; subscriberId: string };
  'campaign.scheduled': { campaignId: string; at: string };
  'campaign.started': { campaignId: string };
  'campaign.paused': { campaignId: string; reason?: string };
  'campaign.sent': { campaignId: string };
  'email.sent': { campaignId: string; subscriberIds: string[] };
  'email.failed': { campaignId: string; subscriberIds: string[]; reason: string };
  'email.opened': { campaignId: string; subscriberId: string; at: string; machine?: boolean };
  'email.clicked': { campaignId: string; subscriberId: string; at: string; url: string };
}

export type HeraldEventType = keyof HeraldEventMap;

export interface HeraldEvent<T extends HeraldEventType = HeraldEventType> {
  id: string;
  type: T;
  subject: string;
  payload: HeraldEventMap[T];
  createdAt: string;
}

export interface EmitOptions {
  // Knex transaction of the write that caused the event: a rollback then emits nothing.
  transaction?: unknown;
  // Events with the same subject are delivered in emission order. Defaults to the event type.
  subject?: string;
}
