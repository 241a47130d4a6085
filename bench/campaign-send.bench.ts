// Campaign send of 100,000 recipients through the real mailgun.js client into the fake Mailgun on
// loopback, by a separate worker process whose peak memory is measured: once in batch mode (plain
// substitutions, target >= 20,000 recipients/s) and once rendered per recipient (Liquid plus a
// "show only if" block, target >= 3,000 recipients/s; the rendered pieces ride batch calls as
// recipient-variables), worker peak RSS < 300 MB. Then, for comparison, the rendered template
// forced to one call per recipient (CAMPAIGN_RENDERED_BATCHES=false) by a second worker. Beside
// them, the fake's raw capacity in the same run: a bare loop of the same calls, 1,000-recipient
// batches and single-recipient calls, made with mailgun.js from this process.
import { readFileSync } from 'node:fs';
import FormData from 'form-data';
import Mailgun from 'mailgun.js';
import { startFakeMailgun, type FakeMailgun } from '../test/fakes/mailgun/server';
import type { TestHerald } from '../test/harness/app';
import { testEnv } from '../test/harness/env';
import { spawnHerald } from '../test/harness/spawn';
import { waitFor } from '../test/harness/wait';
import {
  addressOf,
  campaignEnv,
  createCampaign,
  progress,
  startCampaignHerald,
  CONDITIONAL_BODY,
  MAILGUN_DOMAIN,
  PLAIN_BODY,
} from '../test/integration/campaign-setup';
import { campaignStatusRepository } from '../plugins/campaigns/server/src/repositories/campaign-status';
import { report } from './report';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 100_000);
// How many single-recipient calls the raw loop makes (it is a rate, so it need not be all of them).
const RAW_SINGLES = Math.min(RECIPIENTS, Number(process.env.BENCH_RAW_SINGLES ?? 20_000));
const RAW_CONCURRENCY = 16;
// BENCH_MODES=batch runs (and so profiles) the batch-mode send alone.
const MODES = (process.env.BENCH_MODES ?? 'batch,single,one-call').split(',');
const WORKER_HEAP_MB = Number(process.env.BENCH_WORKER_HEAP_MB ?? 192);
// A young generation of 16 MB (V8's default is smaller): a send allocates short-lived strings fast
// and scavenges took a fifth of the worker's time; the README gives workers the same flags.
const WORKER_SEMI_SPACE_MB = Number(process.env.BENCH_WORKER_SEMI_SPACE_MB ?? 16);
// Worker processes sharing the send (BENCH_WORKERS); each one's peak memory is measured.
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
// BENCH_WORKER_NODE_OPTIONS adds to the worker's NODE_OPTIONS (e.g. a --require that profiles it).
const NODE_OPTIONS = [
  WORKER_HEAP_MB ? `--max-old-space-size=${WORKER_HEAP_MB}` : '',
  WORKER_SEMI_SPACE_MB ? `--max-semi-space-size=${WORKER_SEMI_SPACE_MB}` : '',
  process.env.BENCH_WORKER_NODE_OPTIONS ?? '',
]
  .filter(Boolean)
  .join(' ');
// Production settings rather than the tests' short leases and ticks; a rate that never throttles.
const SEND_ENV = {
  CAMPAIGN_RATE_PER_MINUTE: '600000000',
  CAMPAIGN_LEASE_MS: '120000',
  CAMPAIGN_JOB_SLICE_MS: '5000',
  CAMPAIGN_RECONCILE_MS: '30000',
  CAMPAIGN_RETRY_BACKOFF_MS: '1000',
  MAILGUN_TIMEOUT_MS: '30000',
  LOG_LEVEL: 'error',
};

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
const procStatus = (pid: number, field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
// utime + stime of a process in seconds (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 1/100 s).
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

// Subscribers straight into the table; every 10th tagged vip so the conditional block shows for some.
const seed = async (app: TestHerald) => {
  const knex = app.strapi.db.connection;
  const audience = app.strapi.plugin('audience').service('schema');
  const s = audience.subscriberTable();
  const links = audience.tagLinks();
  await knex.raw(
    `INSERT INTO "${s.table}" (document_id, "${s.email}", "${s.firstName}", "${s.status}", "${s.createdAt}", updated_at, published_at)
     SELECT md5(i::text)::varchar(24), 'person' || i || '@example.test', 'Person' || i, 'active', now(), now(), now()
     FROM generate_series(0, ? - 1) AS i`,
    [RECIPIENTS]
  );
  const tag = (await app.strapi.documents('plugin::audience.tag' as never).create({ data: { name: 'vip' } } as never)) as unknown as {
    id: number;
  };
  await knex.raw(
    `INSERT INTO "${links.table}" ("${links.subscriberId}", "${links.tagId}") SELECT id, ? FROM "${s.table}" WHERE id % 10 = 0`,
    [tag.id]
  );
  await knex.raw('ANALYZE');
};

// A bare loop of the calls the pipeline makes, with bodies of about the same size, into the same fake.
const rawCapacity = async (fake: FakeMailgun) => {
  const client = new Mailgun(FormData).client({ username: 'api', key: fake.apiKey, url: fake.url, timeout: 30_000 });
  const html = `<html><body><h1>Hello %recipient.v0%</h1>${'<p>Some news for you, with a paragraph of text.</p>'.repeat(40)}</body></html>`;
  const common = {
    from: `"Herald News" <news@${MAILGUN_DOMAIN}>`,
    subject: 'News for %recipient.v1%',
    html,
    text: html.replace(/<[^>]+>/g, ''),
    'o:tag': ['campaign-bench'],
    'o:tracking': 'no',
    'h:List-Unsubscribe': '<%recipient.x_unsubscribe%>, <mailto:unsubscribe@mg.herald.test?subject=unsubscribe-%recipient.x_send%>',
    'h:List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'h:Message-Id': `<%recipient.x_send%.bench@${MAILGUN_DOMAIN}>`,
    'v:send': '%recipient.x_send%',
  };
  const vars = (i: number) => ({
    v0: `Person${i}`,
    v1: `Person${i}`,
    x_unsubscribe: `https://herald.test/api/audience/unsubscribe?token=${'t'.repeat(120)}${i}`,
    x_send: String(i),
  });
  const batches = Array.from({ length: Math.ceil(RECIPIENTS / 1000) }, (_, b) => b);
  let started = process.hrtime.bigint();
  const pool = async (count: number, fn: (i: number) => Promise<unknown>) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: RAW_CONCURRENCY }, async () => {
        while (next < count) await fn(next++);
      })
    );
  };
  await pool(batches.length, async (b) => {
    const to = Array.from({ length: Math.min(1000, RECIPIENTS - b * 1000) }, (_, k) => b * 1000 + k);
    await client.messages.create(MAILGUN_DOMAIN, {
      ...common,
      to: to.map(addressOf).join(', '),
      'recipient-variables': JSON.stringify(Object.fromEntries(to.map((i) => [addressOf(i), vars(i)]))),
    } as never);
  });
  const batchSeconds = seconds(started);
  started = process.hrtime.bigint();
  await pool(RAW_SINGLES, (i) =>
    client.messages.create(MAILGUN_DOMAIN, { ...common, to: addressOf(i), 'h:Message-Id': `<${i}@x>` } as never)
  );
  const singleSeconds = seconds(started);
  fake.reset();
  return { batchSeconds, singleSeconds };
};

const exactlyOnce = (fake: FakeMailgun) => {
  const counts = fake.recipientCounts();
  const wrong = [...counts].filter(([, n]) => n !== 1).length;
  const missing = Array.from({ length: RECIPIENTS }, (_, i) => addressOf(i)).filter((a) => !counts.has(a)).length;
  if (wrong || missing || counts.size !== RECIPIENTS) throw new Error(`not exactly once: ${wrong} sent more than once, ${missing} missing`);
};

type Workers = Array<ReturnType<typeof spawnHerald>>;
const workersCpu = (workers: Workers) => workers.reduce((sum, w) => sum + cpuSeconds(w.child.pid!), 0);

const send = async (web: TestHerald, fake: FakeMailgun, workers: Workers, body: typeof PLAIN_BODY) => {
  fake.reset();
  const campaignId = await createCampaign(web, { body });
  const cpuBefore = workersCpu(workers);
  const started = process.hrtime.bigint();
  const startedAt = Date.now();
  await web.strapi.plugin('campaigns').service('campaign').sendNow(campaignId);
  // Watched as a marketer would: the admin page polls progress once a second; the end is noticed
  // within 100 ms from the campaign's status alone.
  const statuses = campaignStatusRepository(web.strapi.db.connection);
  let watched = 0;
  const polls: number[] = [];
  while ((await statuses.find(campaignId))?.status === 'sending') {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (++watched % 10 !== 0) continue;
    const polled = process.hrtime.bigint();
    await progress(web, campaignId);
    polls.push(seconds(polled));
  }
  const totalSeconds = seconds(started);
  // The send's side effects (timeline entries, engagement rollup) trail it through the event bus:
  // how long until every event is applied, so work moved out of the send's own path shows.
  await waitFor(
    async () =>
      Number(
        (await web.strapi.db.connection('herald_events').whereNull('delivered_at').whereNull('dead_at').count({ n: '*' }).first())?.n
      ) === 0,
    300_000,
    'the send events to be applied'
  );
  const settledSeconds = seconds(started);
  const p = await progress(web, campaignId);
  if (p.status !== 'sent' || p.sent !== RECIPIENTS) throw new Error(`campaign ended ${p.status}: ${JSON.stringify(p)}`);
  exactlyOnce(fake);
  // Delivery phase alone: first to last call the fake received (the ledger is written before).
  const times = fake.calls.map((c) => c.receivedAt);
  const deliverySeconds = (Math.max(...times) - Math.min(...times)) / 1000 || totalSeconds;
  // Until the first call: the audience written into the ledger, and the first batch claimed and built.
  const firstCallSeconds = (Math.min(...times) - startedAt) / 1000;
  const pollMs = polls.length ? Math.max(...polls) * 1000 : null;
  return {
    totalSeconds,
    deliverySeconds,
    firstCallSeconds,
    settledSeconds,
    calls: fake.calls.length,
    workerCpu: workersCpu(workers) - cpuBefore,
    pollMs,
  };
};

const startWorkers = async (web: TestHerald, fake: FakeMailgun, env: Record<string, string> = {}): Promise<Workers> => {
  const workers = Array.from({ length: WORKERS }, () =>
    spawnHerald('worker', {
      ...testEnv(web.databaseName, web.redisPrefix, campaignEnv(fake, { ...SEND_ENV, ...env })),
      NODE_OPTIONS,
    })
  );
  const queue = web.strapi.plugin('platform').service('queues').queue('campaign-send');
  await waitFor(async () => (await queue.getWorkers()).length >= WORKERS, 60_000, 'the send workers').catch((err: Error) => {
    throw new Error(`${err.message}\n${workers.map((w) => w.output()).join('\n')}`);
  });
  return workers;
};

const stopWorkers = async (workers: Workers) => {
  for (const w of workers) w.child.kill('SIGTERM');
  await Promise.all(workers.map((w) => w.exited));
};

export const run = async () => {
  // Bodies are not kept: 100,000 single calls' html would hold gigabytes in this process.
  const fake = await startFakeMailgun({ apiKey: 'key-bench', recordBodies: false });
  const web = await startCampaignHerald(fake, { ...SEND_ENV, HERALD_PROCESS: 'web' });
  let workers: Workers = [];
  try {
    await seed(web);
    workers = await startWorkers(web, fake);
    const raw = await rawCapacity(fake);
    const batch = MODES.includes('batch') ? await send(web, fake, workers, PLAIN_BODY) : undefined;
    const single = MODES.includes('single') ? await send(web, fake, workers, CONDITIONAL_BODY) : undefined;
    const peakMb = Math.max(...workers.map((w) => procStatus(w.child.pid!, 'VmHWM')));
    await stopWorkers(workers);
    workers = [];
    let oneCall: Awaited<ReturnType<typeof send>> | undefined;
    if (MODES.includes('one-call')) {
      workers = await startWorkers(web, fake, { CAMPAIGN_RENDERED_BATCHES: 'false' });
      oneCall = await send(web, fake, workers, CONDITIONAL_BODY);
    }
    report(`Campaign send, ${RECIPIENTS.toLocaleString('en-US')} recipients, worker process -> mailgun.js -> fake Mailgun`, [
      { name: 'reference: bare mailgun.js loop, 1,000-recipient batches', seconds: raw.batchSeconds, count: RECIPIENTS },
      { name: 'reference: bare mailgun.js loop, single-recipient calls', seconds: raw.singleSeconds, count: RAW_SINGLES },
      ...(batch
        ? [
            { name: `batch mode end to end (${batch.calls} calls; target 20,000/s)`, seconds: batch.totalSeconds, count: RECIPIENTS },
            { name: '  of which delivery (first to last call)', seconds: batch.deliverySeconds, count: RECIPIENTS },
          ]
        : []),
      ...(single
        ? [
            { name: `per-recipient Liquid end to end (${single.calls} calls; 3,000/s)`, seconds: single.totalSeconds, count: RECIPIENTS },
            { name: '  of which delivery (first to last call)', seconds: single.deliverySeconds, count: RECIPIENTS },
          ]
        : []),
      ...(oneCall
        ? [{ name: `  the same forced to one call each (${oneCall.calls} calls)`, seconds: oneCall.totalSeconds, count: RECIPIENTS }]
        : []),
    ]);
    // One figure per mode that ran, e.g. "batch 8.6 s, per-recipient 11.0 s".
    const runs = [
      ['batch', batch],
      ['per-recipient', single],
      ['one call each', oneCall],
    ] as const;
    const perRun = (figure: (r: Awaited<ReturnType<typeof send>>) => string) =>
      runs.flatMap(([label, r]) => (r ? [`${label} ${figure(r)}`] : [])).join(', ');
    console.log(
      `  first call to Mailgun after (audience written, first batch built): ${perRun((r) => `${r.firstCallSeconds.toFixed(2)} s`)}`
    );
    console.log(`  every event of the send applied (timeline, engagement) after: ${perRun((r) => `${r.settledSeconds.toFixed(2)} s`)}`);
    console.log(`  worker CPU, until applied: ${perRun((r) => `${r.workerCpu.toFixed(1)} s`)}`);
    console.log(
      `  slowest progress poll of the admin page while sending: ${perRun((r) => (r.pollMs === null ? 'none (done within a second)' : `${r.pollMs.toFixed(1)} ms`))}`
    );
    console.log('  per-recipient Liquid renders per recipient and rides batch calls (rendered pieces in recipient-variables)');
    console.log(
      `  worker process peak RSS: ${peakMb.toFixed(0)} MB (target < 300 MB; ${NODE_OPTIONS || "Node's default heap"}; batch and per-recipient runs)`
    );
    console.log(`  every address received exactly once in each run (${MODES.join(', ')})`);
  } finally {
    await stopWorkers(workers);
    await web.stop();
    await fake.close();
  }
};

if (require.main === module) {
  run().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
