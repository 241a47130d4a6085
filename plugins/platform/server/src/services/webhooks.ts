import type { Core } from '@strapi/strapi';
import type { Job } from 'bullmq';
import type { HeraldEvent } from '../../../../../types/shared/events';
import { backoffDelay } from '../domain/backoff';
import { matchesAny } from '../domain/event-match';
import type { HeraldConfig } from '../domain/herald-config';
import { signPayload } from '../domain/signature';
import { fromJsonb } from '../repositories/jsonb';
import { webhookDeliveries } from '../repositories/webhook-deliveries';

export const WEBHOOK_QUEUE = 'herald-webhooks';
const SUBSCRIPTION_UID = 'plugin::platform.webhook-subscription';
const CACHE_MS = 5000;

type Subscription = { documentId: string; url: string; eventTypes: string[]; secret: string; active: boolean };

// Outbound webhooks: every matching event becomes a delivery row and a job; the job POSTs the
// signed JSON body, logs the attempt, and leaves retries (with backoff) to BullMQ.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => (strapi.config.get('herald') as HeraldConfig).webhooks;
  const repo = () => webhookDeliveries(strapi.db.connection);
  let cache: { at: number; subscriptions: Subscription[] } | undefined;

  const activeSubscriptions = async (): Promise<Subscription[]> => {
    if (cache && Date.now() - cache.at < CACHE_MS) return cache.subscriptions;
    const found = (await strapi
      .documents(SUBSCRIPTION_UID as never)
      .findMany({ filters: { active: true } } as never)) as unknown as Subscription[];
    cache = { at: Date.now(), subscriptions: found };
    return found;
  };

  const enqueue = (deliveryId: string, suffix = '') =>
    strapi
      .plugin('platform')
      .service('queues')
      .queue(WEBHOOK_QUEUE)
      .add(
        'deliver',
        { deliveryId },
        { jobId: `delivery-${deliveryId}${suffix}`, attempts: config().attempts, backoff: { type: 'webhook' } }
      );

  return {
    // Whether an active subscription asks for this event type.
    async wants(type: string): Promise<boolean> {
      return (await activeSubscriptions()).some((s) => matchesAny(s.eventTypes ?? [], type));
    },

    invalidateCache() {
      cache = undefined;
    },

    async fanOut(event: HeraldEvent) {
      const subscriptions = (await activeSubscriptions()).filter((s) => matchesAny(s.eventTypes ?? [], event.type));
      const ids = await repo().createMany(
        subscriptions.map((s) => ({ subscription_document_id: s.documentId, event_id: event.id, event_type: event.type, url: s.url }))
      );
      for (const id of ids) await enqueue(id);
    },

    async resend(deliveryId: string) {
      const delivery = await repo().find(deliveryId);
      if (!delivery) return null;
      await repo().setStatus(deliveryId, 'pending');
      await enqueue(deliveryId, `-resend-${Date.now()}`);
      return repo().find(deliveryId);
    },

    // BullMQ custom backoff: exponential with jitter, base WEBHOOK_BACKOFF_MS.
    backoffStrategy: (attemptsMade: number) => backoffDelay(attemptsMade, config().backoffMs),

    async process(job: Job<{ deliveryId: string }>) {
      const delivery = await repo().find(job.data.deliveryId);
      if (!delivery || delivery.status === 'delivered' || delivery.status === 'cancelled') return;
      const subscription = (await strapi
        .documents(SUBSCRIPTION_UID as never)
        .findOne({ documentId: delivery.subscription_document_id } as never)) as unknown as Subscription | null;
      if (!subscription || !subscription.active) {
        await repo().setStatus(delivery.id, 'cancelled');
        return;
      }
      const event = await strapi.db.connection('herald_events').where({ id: delivery.event_id }).first();
      const body = JSON.stringify({ id: String(event.id), type: event.type, createdAt: event.created_at, data: fromJsonb(event.payload) });
      const attempt = delivery.attempts + 1;
      const started = Date.now();
      let statusCode: number | null = null;
      let excerpt: string | null = null;
      let error: string | null = null;
      try {
        const response = await fetch(subscription.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Herald-Webhooks/1',
            'herald-event': event.type,
            'herald-delivery': delivery.id,
            'herald-signature': signPayload(subscription.secret, body),
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(config().timeoutMs),
        });
        statusCode = response.status;
        excerpt = (await response.text()).slice(0, 500);
        if (!response.ok) error = `HTTP ${response.status}`;
      } catch (err) {
        error = (err as Error).name === 'TimeoutError' ? `timed out after ${config().timeoutMs} ms` : (err as Error).message;
      }
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const outcome = error === null ? 'delivered' : last ? 'failed' : 'pending';
      await repo().recordAttempt(
        delivery.id,
        { attempt, statusCode, durationMs: Date.now() - started, responseExcerpt: excerpt, error },
        outcome
      );
      if (error) throw new Error(`webhook delivery ${delivery.id} to ${subscription.url}: ${error}`);
    },

    list: (query: { page: number; pageSize: number; status?: string }) => repo().list(query),
    async details(id: string) {
      const delivery = await repo().find(id);
      return delivery ? { ...delivery, attempts_log: await repo().attempts(id) } : null;
    },
  };
};
