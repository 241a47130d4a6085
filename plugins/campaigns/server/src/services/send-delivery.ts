import type { MailBatch, MailErrorKind, MailMessage, SendResult } from '../../../../../types/shared/mail';
import type { ClaimedRow } from '../domain/ledger-states';
import type { LiquidContext } from '../domain/liquid-context';
import { splitBatches } from '../domain/send-batches';
import { batchMessage, singleMessage, type Personal } from '../domain/send-message';
import type { Recipient } from '../repositories/recipients';
import type { CampaignContent } from './send-content';

export type MailFailure = Error & { kind?: MailErrorKind; retryAfterMs?: number };
export type Attempt = { row: ClaimedRow; result: { ok: true; id: string } | { ok: false; error: MailFailure } };

export interface DeliveryDeps {
  mail: { send(m: MailMessage): Promise<SendResult>; sendBatch(b: MailBatch): Promise<SendResult> };
  links: (documentId: string) => { unsubscribe: string; preferences: string };
  concurrency: number;
}

type Prepared = { row: ClaimedRow; person: Personal; ctx: LiquidContext };

const pool = async <T, R>(items: T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> => {
  const out: R[] = new Array(items.length);
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, run));
  return out;
};

const settle = async (send: () => Promise<SendResult>): Promise<Attempt['result']> => {
  try {
    return { ok: true, id: (await send()).id };
  } catch (error) {
    return { ok: false, error: error as MailFailure };
  }
};

// Calls Mailgun for the sendable rows of a claimed group: batch calls for everyone the plan and
// send-batches.ts allow, one call each for the rest. Returns one attempt per row.
export const deliver = async (
  deps: DeliveryDeps,
  content: CampaignContent,
  rows: Array<{ row: ClaimedRow; recipient: Recipient }>
): Promise<Attempt[]> => {
  const { envelope, plan } = content;
  const prepared: Prepared[] = rows.map(({ row, recipient }) => {
    const links = deps.links(recipient.documentId);
    return {
      row,
      person: { sendId: row.id, address: recipient.email, unsubscribeUrl: links.unsubscribe },
      ctx: content.context(recipient, links),
    };
  });
  const alone = (items: Prepared[]) =>
    pool(items, deps.concurrency, async ({ row, person, ctx }) => ({
      row,
      result: await settle(() => deps.mail.send(singleMessage(envelope, person, plan.render(ctx)))),
    }));
  if (!plan.batch) return alone(prepared);

  const { parts, variables } = plan.batch;
  const people = prepared.map((p) => ({ ...p, variables: variables(p.ctx) }));
  const split = splitBatches(people);
  const call = (group: typeof people) =>
    settle(() =>
      deps.mail.sendBatch(
        batchMessage(
          envelope,
          parts,
          group.map((p) => ({ ...p.person, variables: p.variables }))
        )
      )
    );
  const batched = async (group: typeof people): Promise<Attempt[]> => {
    const result = await call(group);
    if (result.ok || result.error.kind !== 'rejected' || group.length === 1) return group.map(({ row }) => ({ row, result }));
    // Mailgun refused the whole call: nothing went out, so find the culprit with calls of one.
    return pool(group, deps.concurrency, async (p) => ({ row: p.row, result: await call([p]) }));
  };
  const [singles, ...groups] = await Promise.all([alone(split.alone), ...split.batches.map(batched)]);
  return [...groups.flat(), ...singles];
};
