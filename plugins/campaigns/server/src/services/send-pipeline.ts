/*
 * The exactly-once campaign send pipeline. PostgreSQL's ledger (herald_campaign_sends) is the truth;
 * BullMQ jobs on `campaign-send` are hints that say "work on campaign X". Each drain job loops:
 * claim a batch of due rows (send-claims.ts: one claim row with a token and a lease; ledger rows
 * are written only when they finish), read the subscribers fresh (status, suppression and
 * unsubscribe are checked here, at send time), take tokens from the global rate limiter, mark the
 * claim handed over and call Mailgun (send-delivery.ts: batch calls with recipient-variables,
 * rendered templates included; one call per recipient only where send-plan.ts or send-batches.ts
 * say so), then end the claim by compare-and-set on its token: outcomes, retries and
 * email.sent / email.failed in one transaction. A job works for a bounded slice, then queues its
 * own continuation, so a shutdown only waits for one slice. The reconciler re-queues what Redis lost.
 *
 * Provider answers:
 *  - 2xx: sent (Mailgun's id stored beside ours).
 *  - 5xx / connection refused (`retryable`): into a claim nobody owns, due after an exponential
 *    backoff, with one attempt spent; the job waits as long; after maxAttempts the row fails.
 *  - 429 (`rate-limited`): the same without spending an attempt, due after Retry-After; the shared
 *    bucket is blocked as long so every worker slows down.
 *  - other 4xx (`rejected`): that recipient fails at once. A rejected batch is split into calls of
 *    one, so one bad address fails alone.
 *
 * POLICY for "Mailgun accepted but the response was lost" (`unknown-outcome`: a reset or timeout
 * after the request was written, or a worker that died after the hand-off): the rows become
 * `unknown` and are never re-sent automatically, because a blind retry is exactly how a silent
 * duplicate happens. They do not hold the campaign back (it completes when nothing is queued or
 * sending) and are shown in its progress; a person decides with resolve-unknown: `sent` (Mailgun's
 * logs show them, searchable by the Message-ID we stored) or `resend` (re-queued; the retry carries
 * the same Message-ID, so receivers that deduplicate on it still drop a copy).
 */
import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { DelayedError, type Job } from 'bullmq';
import type { Knex } from 'knex';
import { SEND_QUEUE, type CampaignsConfig } from '../domain/campaign-config';
import type { ClaimedRow, RowOutcome } from '../domain/ledger-states';
import { messageIdFor } from '../domain/send-message';
import { ledgerRepository } from '../repositories/ledger';
import { sendClaimsRepository, type Claim, type Retry } from '../repositories/send-claims';
import { campaignStatusRepository } from '../repositories/campaign-status';
import type { Recipient } from '../repositories/recipients';
import { CampaignNotSendable, type CampaignContent } from './send-content';
import { deliver, type Attempt, type DeliveryDeps } from './send-delivery';

type GroupResult = { delayMs: number };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => (strapi.config.get('herald') as { campaigns: CampaignsConfig }).campaigns;
  const knex = () => strapi.db.connection;
  const ledger = () => ledgerRepository(knex());
  const claims = () => sendClaimsRepository(knex());
  const statuses = () => campaignStatusRepository(knex());
  const plugin = () => strapi.plugin('campaigns');
  const mail = () => strapi.plugin('platform').service('mail');
  const queue = () => strapi.plugin('platform').service('queues').queue(SEND_QUEUE);
  const lifecycle = () => plugin().service('campaign-lifecycle');

  const delivery = (): DeliveryDeps => ({
    mail: mail() as DeliveryDeps['mail'],
    links: strapi.plugin('audience').service('preferences').linkMaker(),
    concurrency: config().perRecipientConcurrency,
  });

  const backoffMs = (attempts: number) => config().retryBackoffMs * 2 ** Math.max(0, attempts - 1);

  // Ends the claim: outcomes, rows to retry and their events in one transaction; returns the delay
  // the job should take.
  const record = async (
    campaignId: string,
    claim: { id: number; token: string },
    attempts: Attempt[],
    skipped: RowOutcome[],
    documentIds: Map<number, string>
  ) => {
    const outcomes: RowOutcome[] = [...skipped];
    const retry: Retry = { ids: [], spendAttempt: [], delayMs: 0 };
    let rateLimited = false;
    for (const { row, result } of attempts) {
      if (result.ok) {
        outcomes.push({ id: row.id, state: 'sent', providerId: result.id });
        continue;
      }
      const { kind, message, retryAfterMs } = result.error;
      if (kind === 'rate-limited') {
        rateLimited = true;
        retry.ids.push(row.id);
        retry.delayMs = Math.max(retry.delayMs, retryAfterMs ?? 1000);
      } else if (kind === 'retryable' && row.attempts + 1 < config().maxAttempts) {
        retry.ids.push(row.id);
        retry.spendAttempt.push(row.id);
        retry.delayMs = Math.max(retry.delayMs, backoffMs(row.attempts + 1));
      } else if (kind === 'unknown-outcome') {
        outcomes.push({ id: row.id, state: 'unknown', reason: message });
      } else {
        outcomes.push({
          id: row.id,
          state: 'failed',
          reason: kind === 'retryable' ? `gave up after ${row.attempts + 1} attempts: ${message}` : message,
        });
      }
    }
    if (rateLimited) await plugin().service('rate-limiter').block(retry.delayMs);
    await knex().transaction(async (trx: Knex.Transaction) => {
      const moved = new Set(await claims().finish(trx, campaignId, claim.id, claim.token, outcomes, retry));
      const ids = (state: RowOutcome['state'], reason?: string) =>
        outcomes
          .filter((o) => moved.has(o.id) && o.state === state && (reason === undefined || o.reason === reason))
          .map((o) => documentIds.get(o.id) as string);
      const events: Array<{ type: 'email.sent' | 'email.failed'; payload: never }> = [];
      const sent = ids('sent');
      if (sent.length) events.push({ type: 'email.sent', payload: { campaignId, subscriberIds: sent } as never });
      for (const reason of new Set(outcomes.filter((o) => o.state === 'failed').map((o) => o.reason ?? ''))) {
        const failed = ids('failed', reason);
        if (failed.length) events.push({ type: 'email.failed', payload: { campaignId, subscriberIds: failed, reason } as never });
      }
      await strapi.plugin('platform').service('events').emitMany(events, { transaction: trx });
    });
    if (outcomes.some((o) => o.state === 'failed')) await pauseOnFailureRate(campaignId);
    return retry.delayMs;
  };

  const pauseOnFailureRate = async (campaignId: string) => {
    const { failureWindow, failureMinSample, failureThreshold } = config();
    const campaign = await statuses().find(campaignId);
    if (campaign?.status !== 'sending') return;
    const since = campaign.resumed_at;
    const { total, failed } = await ledger().failureWindow(campaignId, failureWindow, since);
    if (total < failureMinSample || failed / total <= failureThreshold) return;
    const reason = `auto-paused: ${failed} of the last ${total} messages failed (threshold ${Math.round(failureThreshold * 100)}%)`;
    // Only if nobody resumed it meanwhile: that resume drew a line under these failures.
    const event = { type: 'campaign.paused' as const, payload: { campaignId, reason } };
    await lifecycle().tryMove(campaignId, 'pause', { status_reason: reason }, event, { resumed_at: since });
  };

  // One claim, from fresh subscriber data to recorded outcomes.
  const sendGroup = async (campaignId: string, content: CampaignContent, token: string, claim: Claim): Promise<GroupResult> => {
    const people = await plugin()
      .service('send-audience')
      .recipients()
      .load(claim.rows.map((r) => r.subscriberId));
    const skipped: RowOutcome[] = [];
    const sendable: Array<{ row: ClaimedRow; recipient: Recipient }> = [];
    const documentIds = new Map<number, string>();
    for (const row of claim.rows) {
      const recipient = people.get(row.subscriberId);
      if (recipient) documentIds.set(row.id, recipient.documentId);
      if (!recipient) skipped.push({ id: row.id, state: 'skipped', reason: 'subscriber deleted' });
      else if (recipient.status !== 'active') skipped.push({ id: row.id, state: 'skipped', reason: `subscriber is ${recipient.status}` });
      else sendable.push({ row, recipient });
    }
    let attempts: Attempt[] = [];
    if (sendable.length) {
      await plugin().service('rate-limiter').take(sendable.length);
      const [before, after] = messageIdFor(content.envelope, '\n').split('\n');
      if (!(await claims().hand(claim.id, token, { before, after }))) {
        // Our lease ran out while waiting and the claim was taken over (or the campaign cancelled):
        // its rows are no longer ours to send.
        strapi.log.warn(`[campaigns] ${campaignId}: claim ${claim.id} lost before hand-off`);
        return { delayMs: 0 };
      }
      attempts = await deliver(delivery(), content, sendable);
    }
    return { delayMs: await record(campaignId, { id: claim.id, token }, attempts, skipped, documentIds) };
  };

  return {
    async enqueueDrains(campaignId: string, count = config().parallelJobs) {
      await queue().addBulk(
        Array.from({ length: count }, () => ({
          name: 'drain',
          data: { campaignId },
          opts: { jobId: `drain-${campaignId}-${randomUUID()}`, removeOnComplete: true },
        }))
      );
    },

    // Completes the campaign once its audience is written and no row is queued or sending.
    async finalize(campaignId: string): Promise<boolean> {
      const campaign = await statuses().find(campaignId);
      if (campaign?.status !== 'sending' || !campaign.prepared_at) return false;
      if ((await ledger().pending(campaignId)) > 0) return false;
      return lifecycle().tryMove(campaignId, 'complete', { sent_at: new Date() }, { type: 'campaign.sent', payload: { campaignId } });
    },

    async drain(job: Job<{ campaignId: string }>, jobToken?: string): Promise<void> {
      const { campaignId } = job.data;
      const deadline = Date.now() + config().jobSliceMs;
      let content: CampaignContent;
      try {
        content = await plugin().service('send-content').forCampaign(campaignId);
      } catch (err) {
        if (!(err instanceof CampaignNotSendable)) throw err;
        await lifecycle().tryMove(campaignId, 'fail', { status_reason: err.message });
        return;
      }
      while (Date.now() < deadline) {
        const campaign = await statuses().find(campaignId);
        if (campaign?.status !== 'sending' || !campaign.prepared_at) return;
        const token = randomUUID();
        const claim = await claims().claim(campaignId, token, plugin().service('rate-limiter').maxClaim(), config().leaseMs);
        if (!claim) {
          const next = await claims().nextDue(campaignId);
          if (next && next.getTime() > Date.now()) {
            await job.moveToDelayed(next.getTime(), jobToken);
            throw new DelayedError();
          }
          await this.finalize(campaignId);
          return;
        }
        const { delayMs } = await sendGroup(campaignId, content, token, claim);
        if (delayMs > 0) {
          // Moving the job back does not count as an attempt: 429s never use up retries.
          await job.moveToDelayed(Date.now() + delayMs, jobToken);
          throw new DelayedError();
        }
      }
      await this.enqueueDrains(campaignId, 1);
    },
  };
};
