import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { ledgerRepository } from '../../plugins/campaigns/server/src/repositories/ledger';
import { sendClaimsRepository, type Claim } from '../../plugins/campaigns/server/src/repositories/send-claims';
import { startHerald, type TestHerald } from '../harness/app';
import { expectTalliesMatchLedger } from './campaign-setup';

const ROWS = 25;
const LEASE_MS = 60_000;
const NO_RETRY = { ids: [], spendAttempt: [], delayMs: 0 };
const MESSAGE_ID = { before: '<', after: '.c@mg.herald.test>' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The claim protocol of the send ledger against PostgreSQL, one worker's step at a time: what
// two workers, a lease that runs out, a retry, a cancel and a lost outcome leave in the ledger.
describe('send ledger claims', () => {
  let app: TestHerald;
  let knex: Knex;
  let campaignId: string;
  const claims = () => sendClaimsRepository(knex);
  const ledger = () => ledgerRepository(knex);
  const rowIds = (claim: Claim | null) => claim?.rows.map((r) => r.id) ?? [];
  const states = async () =>
    Object.fromEntries(
      (await knex('herald_campaign_sends').where({ campaign_id: campaignId }).select('id', 'state')).map((r) => [Number(r.id), r.state])
    );
  const sentAll = (claim: Claim) => claim.rows.map((r) => ({ id: r.id, state: 'sent' as const, providerId: 'mg-1' }));
  const finish = (claim: Claim, token: string, retry = NO_RETRY) =>
    knex.transaction((trx) => claims().finish(trx, campaignId, claim.id, token, sentAll(claim), retry));

  beforeAll(async () => {
    app = await startHerald();
    knex = app.strapi.db.connection;
  });
  afterAll(() => app?.stop());
  beforeEach(async () => {
    campaignId = `claims-${randomUUID()}`;
    await knex.raw(
      `INSERT INTO herald_campaign_sends (campaign_id, subscriber_id, due_at) SELECT ?, i, now() - interval '1 minute' FROM generate_series(1, ?) i`,
      [campaignId, ROWS]
    );
    // As the audience writer does, the rows are tallied as queued.
    await knex('herald_campaign_send_tallies').insert({ campaign_id: campaignId, queued: ROWS });
  });
  // Whatever a test did to the ledger, its tallies followed.
  afterEach(() => expectTalliesMatchLedger(knex, campaignId));

  it('hands out every due row once, in order, to claims that do not overlap', async () => {
    const taken: number[] = [];
    for (let claim = await claims().claim(campaignId, randomUUID(), 10, LEASE_MS); claim;) {
      taken.push(...rowIds(claim));
      claim = await claims().claim(campaignId, randomUUID(), 10, LEASE_MS);
    }
    expect(taken).toHaveLength(ROWS);
    expect(taken).toEqual([...taken].sort((a, b) => a - b));
    // Claims held by live owners are theirs: nothing is due for anyone else, and nothing is final.
    expect(await claims().nextDue(campaignId)).toBeNull();
    expect(await ledger().pending(campaignId)).toBe(ROWS);
  });

  it('lets another worker take over a claim whose lease ran out; the first owner can no longer hand it over or finish it', async () => {
    const slow = randomUUID();
    const first = await claims().claim(campaignId, slow, 10, 1);
    await sleep(20);
    const fast = randomUUID();
    const second = await claims().claim(campaignId, fast, 10, LEASE_MS);
    expect(second?.id).toBe(first?.id);
    expect(rowIds(second)).toEqual(rowIds(first));
    expect(await claims().hand(first!.id, slow, MESSAGE_ID)).toBe(false);
    expect(await finish(first!, slow)).toEqual([]);
    expect(await claims().hand(second!.id, fast, MESSAGE_ID)).toBe(true);
    expect(await finish(second!, fast)).toEqual(rowIds(second));
    const row = await knex('herald_campaign_sends')
      .where({ id: rowIds(second)[0] })
      .first();
    expect(row).toMatchObject({ state: 'sent', provider_id: 'mg-1', message_id: `<${row.id}.c@mg.herald.test>` });
    expect(row.handed_at).not.toBeNull();
  });

  it('puts rows to retry into a claim nobody owns, due after the backoff, with their attempts counted', async () => {
    const token = randomUUID();
    const claim = (await claims().claim(campaignId, token, 4, LEASE_MS))!;
    const [retried, waited, ...sent] = claim.rows;
    const outcomes = sent.map((r) => ({ id: r.id, state: 'sent' as const }));
    const before = Date.now();
    await knex.transaction((trx) =>
      claims().finish(trx, campaignId, claim.id, token, outcomes, {
        ids: [retried.id, waited.id],
        spendAttempt: [retried.id],
        delayMs: 300,
      })
    );
    const due = (await claims().nextDue(campaignId))!.getTime();
    // Rows after the cursor were due a minute ago, so they come first; the retry waits.
    expect(due).toBeLessThan(before);
    while (await claims().claim(campaignId, randomUUID(), 100, LEASE_MS));
    expect((await claims().nextDue(campaignId))!.getTime()).toBeGreaterThanOrEqual(before + 250);
    await sleep(350);
    const again = await claims().claim(campaignId, randomUUID(), 100, LEASE_MS);
    expect(again?.rows).toEqual([
      { id: retried.id, subscriberId: retried.subscriberId, attempts: 1 },
      { id: waited.id, subscriberId: waited.subscriberId, attempts: 0 },
    ]);
  });

  it('records the rows of a claim handed over by a worker that died as unknown, with their Message-ID, and ignores the late owner', async () => {
    const token = randomUUID();
    const claim = (await claims().claim(campaignId, token, 5, 1))!;
    expect(await claims().hand(claim.id, token, MESSAGE_ID)).toBe(true);
    await sleep(20);
    // A handed-over claim is never taken over, even with its lease gone.
    expect(rowIds(await claims().claim(campaignId, randomUUID(), 5, LEASE_MS))).not.toEqual(rowIds(claim));
    expect(await claims().expire(campaignId)).toEqual({ requeued: 0, unknown: 5 });
    const lost = await knex('herald_campaign_sends').whereIn('id', rowIds(claim)).orderBy('id');
    expect(lost.map((r) => [r.state, r.message_id])).toEqual(rowIds(claim).map((id) => ['unknown', `<${id}.c@mg.herald.test>`]));
    expect(await finish(claim, token)).toEqual([]);
    expect((await states())[rowIds(claim)[0]]).toBe('unknown');
  });

  it('on cancel skips every row not handed over, and leaves the handed-over ones to finish', async () => {
    const handedToken = randomUUID();
    const handed = (await claims().claim(campaignId, handedToken, 5, LEASE_MS))!;
    await claims().hand(handed.id, handedToken, MESSAGE_ID);
    const heldToken = randomUUID();
    const held = (await claims().claim(campaignId, heldToken, 5, LEASE_MS))!;
    expect(await claims().cancel(campaignId, 'campaign cancelled')).toBe(ROWS - 5);
    expect(await claims().hand(held.id, heldToken, MESSAGE_ID)).toBe(false);
    expect(await ledger().pending(campaignId)).toBe(5);
    expect((await ledger().progress(campaignId)).sending).toBe(5);
    expect(await finish(handed, handedToken)).toEqual(rowIds(handed));
    const byState = Object.values(await states()).reduce<Record<string, number>>((n, s) => ({ ...n, [s]: (n[s] ?? 0) + 1 }), {});
    expect(byState).toEqual({ sent: 5, skipped: ROWS - 5 });
    expect(await claims().claim(campaignId, randomUUID(), 5, LEASE_MS)).toBeNull();
  });

  it('drops excluded rows before they are claimed', async () => {
    await ledger().exclude(campaignId, [1, 2, 3]);
    expect(await ledger().pending(campaignId)).toBe(ROWS - 3);
  });

  it('re-queues unknown outcomes on request, each to be claimed once more', async () => {
    const claimAll = async (limit: number) => {
      const taken: Array<{ claim: Claim; token: string }> = [];
      for (;;) {
        const token = randomUUID();
        const claim = await claims().claim(campaignId, token, limit, LEASE_MS);
        if (!claim) return taken;
        taken.push({ claim, token });
      }
    };
    const first = await claimAll(10);
    for (const { claim, token } of first) {
      const lost = claim.rows.map((r) => ({ id: r.id, state: 'unknown' as const, reason: 'connection reset' }));
      await knex.transaction((trx) => claims().finish(trx, campaignId, claim.id, token, lost, NO_RETRY));
    }
    expect(await ledger().pending(campaignId)).toBe(0);
    expect(await claims().resolveUnknown(campaignId, 'resend')).toBe(ROWS);
    expect(await ledger().pending(campaignId)).toBe(ROWS);
    const again = (await claimAll(7)).flatMap(({ claim }) => rowIds(claim));
    expect(again.sort((a, b) => a - b)).toEqual(first.flatMap(({ claim }) => rowIds(claim)).sort((a, b) => a - b));
  });
});
