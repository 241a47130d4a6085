// CSV import of subscribers: a generated file (email, names, three custom fields, tags) imported end to
// end (upload and storage, then the job to done) by a separate worker process whose peak memory is
// measured, beside PostgreSQL's own COPY of the same file into a bare table, in one run.
import { createReadStream, createWriteStream, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { from as copyFrom } from 'pg-copy-streams';
import { adminToken } from '../test/harness/admin';
import { startHerald, type TestHerald } from '../test/harness/app';
import { importApi } from '../test/harness/csv';
import { testEnv } from '../test/harness/env';
import { pgClient } from '../test/harness/resources';
import { spawnHerald } from '../test/harness/spawn';
import { waitFor } from '../test/harness/wait';
import { importFloor } from './import-floor';
import { report } from './report';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
// The worker's V8 old-space cap in MB (0: Node's default, which lets garbage pile up to several
// hundred MB before collecting it). Live memory stays flat either way; the cap is how a worker is
// told to collect early.
const WORKER_HEAP_MB = Number(process.env.BENCH_WORKER_HEAP_MB ?? 192);
const HEAP_FLAG = WORKER_HEAP_MB ? `--max-old-space-size=${WORKER_HEAP_MB}` : '';
// More options for the worker's node, e.g. `--require` of a module that starts the inspector's profiler
// (node refuses --cpu-prof in NODE_OPTIONS).
const WORKER_NODE_OPTIONS = [HEAP_FLAG, process.env.BENCH_WORKER_NODE_OPTIONS ?? ''].join(' ').trim();
const TAGS = ['customers', 'newsletter', 'beta', 'vip'];
const PLANS = ['free', 'pro', 'team'];
const IMPORT_QUEUE = 'audience-import';

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

const generate = async (file: string) => {
  function* rows() {
    yield ['email', 'first_name', 'last_name', 'plan', 'score', 'signup_date', 'tags'];
    for (let i = 0; i < ROWS; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const tags = i % 2 ? TAGS[i % 4] : `${TAGS[i % 4]},${TAGS[(i + 1) % 4]}`;
      yield [`person${i}@example${i % 97}.test`, `First${i}`, `Last${i % 1000}`, PLANS[i % 3], String(i % 100), `2024-03-${day}`, tags];
    }
  }
  await pipeline(Readable.from(rows()), stringify(), createWriteStream(file));
};

// The reference: the same file into a table with no constraints, by PostgreSQL's COPY. The table is
// kept for the floor (import-floor.ts) and dropped after it.
const BARE = 'bench_bare';
const copyIntoBareTable = async (app: TestHerald, file: string) => {
  const client = pgClient(app.databaseName);
  await client.connect();
  try {
    await client.query(
      `CREATE TABLE ${BARE} (email text, first_name text, last_name text, plan text, score text, signup_date text, tags text)`
    );
    const started = process.hrtime.bigint();
    await pipeline(createReadStream(file), client.query(copyFrom(`COPY ${BARE} FROM STDIN WITH (FORMAT csv, HEADER true)`)));
    return seconds(started);
  } finally {
    await client.end();
  }
};

// Peak resident memory of a process so far (Linux keeps the high-water mark for us).
const peakRssMb = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

const herald = async (app: TestHerald, file: string) => {
  const documents = (uid: string) => app.strapi.documents(uid as never);
  await documents('plugin::audience.field-definition').create({
    data: { key: 'plan', label: 'Plan', type: 'select', options: PLANS, required: true, defaultValue: 'free' },
  } as never);
  await documents('plugin::audience.field-definition').create({ data: { key: 'score', label: 'Score', type: 'number' } } as never);
  await documents('plugin::audience.field-definition').create({
    data: { key: 'signup_date', label: 'Signup date', type: 'date' },
  } as never);
  const imports = importApi(app, await adminToken(app));

  const worker = spawnHerald('worker', {
    ...testEnv(app.databaseName, app.redisPrefix, { LOG_LEVEL: 'error' }),
    NODE_OPTIONS: WORKER_NODE_OPTIONS,
  });
  try {
    const queue = app.strapi.plugin('platform').service('queues').queue(IMPORT_QUEUE);
    await waitFor(async () => (await queue.getWorkers()).length > 0, 60_000, 'the import worker');

    const started = process.hrtime.bigint();
    const uploaded = await imports.upload(readFileSync(file), 'bench.csv').expect(201);
    const uploadSeconds = seconds(started);
    const mapping = ['email', 'firstName', 'lastName', 'fields.plan', 'fields.score', 'fields.signup_date', 'tags'];
    await imports.start(uploaded.body.id, { mapping, mode: 'add', consentBasis: 'consent' }).expect(202);
    // Follows the job to note when reading the file ends and writing subscribers begins.
    let readSeconds = 0;
    let job = (await imports.show(uploaded.body.id)).body;
    while (!['done', 'failed', 'cancelled'].includes(job.state)) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = (await imports.show(uploaded.body.id)).body;
      if (job.state !== 'queued' && job.state !== 'staging' && !readSeconds) readSeconds = seconds(started);
    }
    const totalSeconds = seconds(started);
    if (job.state !== 'done' || job.counts.inserted !== ROWS) throw new Error(`import ended ${job.state}: ${JSON.stringify(job.counts)}`);
    return { uploadSeconds, readSeconds, totalSeconds, peakMb: peakRssMb(worker.child.pid!) };
  } finally {
    worker.child.kill('SIGTERM');
    await worker.exited;
  }
};

export const run = async () => {
  const file = path.join(os.tmpdir(), `herald-import-bench-${process.pid}.csv`);
  await generate(file);
  const app = await startHerald({ HERALD_PROCESS: 'web', LOG_LEVEL: 'error' });
  try {
    const copySeconds = await copyIntoBareTable(app, file);
    const floorSeconds = await importFloor(app, BARE);
    await app.strapi.db.connection.raw(`DROP TABLE ${BARE}`);
    const result = await herald(app, file);
    const megabytes = (statSync(file).size / 1024 / 1024).toFixed(0);
    report(`CSV import, ${ROWS.toLocaleString('en-US')} rows (${megabytes} MB)`, [
      { name: 'reference: PostgreSQL COPY into a bare table', seconds: copySeconds, count: ROWS },
      { name: 'floor: PostgreSQL alone writes the imported rows', seconds: floorSeconds, count: ROWS },
      { name: 'Herald upload (file stored in PostgreSQL)', seconds: result.uploadSeconds, count: ROWS },
      { name: 'Herald upload + file read into staging', seconds: result.readSeconds, count: ROWS },
      { name: 'Herald import end to end (upload + job to done)', seconds: result.totalSeconds, count: ROWS },
    ]);
    console.log(
      '  floor: subscribers, tag links, a timeline entry and an event per address, from the COPY table, 2 connections, no application'
    );
    console.log(`  worker process peak RSS: ${result.peakMb.toFixed(0)} MB (${HEAP_FLAG || "Node's default heap settings"})`);
  } finally {
    await app.stop();
    rmSync(file, { force: true });
  }
};

if (require.main === module) {
  run().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
