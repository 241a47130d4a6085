import { adminToken } from '../harness/admin';
import { startHerald, type TestHerald } from '../harness/app';
import { csvText, importApi } from '../harness/csv';
import { waitFor } from '../harness/wait';

// A file of several staging batches (10,000 records) and many apply batches (2,000 addresses), with
// bad rows and duplicates spread through it, and what importing it must give.
const ROWS = 25_000;
const generated = () => {
  const rows: string[][] = [['email', 'tags']];
  const tagsOf = new Map<string, Set<string>>();
  let invalid = 0;
  let merged = 0;
  for (let i = 0; i < ROWS; i++) {
    const email = i % 97 === 96 ? `broken-${i}` : `user${i % 50 === 49 ? i - 25 : i}@example.test`;
    const tag = `t${i % 3}`;
    rows.push([email, tag]);
    if (email.startsWith('broken')) invalid++;
    else if (tagsOf.has(email)) {
      merged++;
      tagsOf.get(email)!.add(tag);
    } else tagsOf.set(email, new Set([tag]));
  }
  const links = [...tagsOf.values()].reduce((n, tags) => n + tags.size, 0);
  return { csv: csvText(rows), emails: [...tagsOf.keys()], invalid, merged, links };
};

// What the queue does with an attempt whose database session died: runs it again. A pooled
// connection learns that its session was killed only when its socket's close is processed, so an
// attempt can still draw one or two dead ones; each such attempt fails and gives its back.
const retryOnLostConnection = async (run: () => Promise<void>) => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      const lost = /terminating connection|Connection terminated|not queryable|ended unexpectedly/.test((err as Error).message);
      if (!lost || attempt === 8) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
};

describe('an import interrupted mid-way', () => {
  let app: TestHerald;
  let imports: ReturnType<typeof importApi>;
  const expected = generated();
  const db = () => app.strapi.db.connection;
  const runner = () => app.strapi.plugin('audience').service('import-runner');
  const job = async (id: string) => db()('herald_import_jobs').where({ id }).first();
  const count = async (table: string, where: Record<string, unknown> = {}) => Number((await db()(table).where(where).count('* as n'))[0].n);

  // Runs the import and asks it to stop, as a worker that is shutting down does: it stops at the
  // next batch boundary, failing the attempt so the queue retries it.
  const runInterrupted = async (id: string, signal: AbortSignal) => {
    await expect(runner().run(id, signal)).rejects.toThrow(/interrupted between two batches/);
  };
  // Asks to stop at the second check: the runner checks before each staging commit.
  const afterFirstCheck = () => {
    let checks = 0;
    return {
      get aborted() {
        return checks++ > 0;
      },
    } as AbortSignal;
  };
  // Asks to stop once the job row shows `reached`.
  const once = (id: string, reached: (row: { applied: number }) => boolean) => {
    const stop = new AbortController();
    // If it never gets there, the run finishes uninterrupted and runInterrupted fails the test.
    waitFor(async () => reached(await job(id)), 30_000, 'the import to get that far').then(
      () => stop.abort(),
      () => undefined
    );
    return stop.signal;
  };

  const queued = async () => {
    const uploaded = await imports.upload(expected.csv).expect(201);
    await imports.start(uploaded.body.id, { mapping: ['email', 'tags'], mode: 'add', consentBasis: 'consent' }).expect(202);
    return uploaded.body.id as string;
  };

  // Everything the file should have produced, exactly once.
  const expectComplete = async (id: string) => {
    expect(await job(id)).toMatchObject({
      state: 'done',
      rows_read: ROWS + 1,
      staged: expected.emails.length,
      applied: expected.emails.length,
      inserted: expected.emails.length,
      merged: expected.merged,
      error_rows: expected.invalid,
    });
    expect(await count('herald_subscribers')).toBe(expected.emails.length);
    expect(Number((await db()('herald_subscribers').whereIn('email', expected.emails).count('* as n'))[0].n)).toBe(expected.emails.length);
    expect(await count('herald_subscribers_tags_lnk')).toBe(expected.links);
    const { rows: events } = await db().raw(
      `SELECT type, count(*)::int AS n, count(DISTINCT subject)::int AS subjects FROM herald_events GROUP BY type ORDER BY type`
    );
    expect(events).toEqual([{ type: 'subscriber.created', n: expected.emails.length, subjects: expected.emails.length }]);
    expect(await count('herald_subscriber_activity', { type: 'created' })).toBe(expected.emails.length);
    expect(await count('herald_import_errors', { job_id: id })).toBe(expected.invalid);
    for (const table of ['herald_import_rows', 'herald_import_batches', 'herald_import_chunks']) {
      expect(await count(table, { job_id: id })).toBe(0);
    }
  };

  const reset = async () => {
    await db().raw('TRUNCATE herald_subscribers, herald_subscribers_tags_lnk, herald_events, herald_subscriber_activity');
  };

  beforeAll(async () => {
    // A web process: no worker takes the queued jobs, the test drives the runner itself.
    app = await startHerald({ HERALD_PROCESS: 'web' });
    imports = importApi(app, await adminToken(app));
  });
  afterAll(() => app?.stop());

  it('resumes from the last committed batch after stops and a killed database session', async () => {
    const id = await queued();

    await runInterrupted(id, afterFirstCheck());
    const staging = await job(id);
    expect(staging.state).toBe('staging');
    expect(staging.rows_read).toBeGreaterThan(1);
    expect(staging.rows_read).toBeLessThan(ROWS);

    await runInterrupted(
      id,
      once(id, (j) => j.applied > 0)
    );
    const applying = await job(id);
    expect(applying.state).toBe('applying');
    expect(applying.applied).toBeGreaterThan(0);
    expect(applying.applied).toBeLessThan(applying.staged);

    // A crash in the middle of a batch: the session writing it dies, its transaction with it.
    const running = runner().run(id);
    let killed: number[] = [];
    const killWriters = async () => {
      const { rows } = await db().raw(
        `SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL`
      );
      killed = rows.map((r: { pid: number }) => r.pid);
      return killed.length > 0;
    };
    await waitFor(killWriters, 30_000, 'a batch in flight');
    await expect(running).rejects.toThrow();
    expect((await job(id)).state).toBe('applying');

    // pg_stat_activity is a snapshot: a session it showed mid-transaction may have gone back to the
    // pool before it died, and be handed out again. As the queue would, retry until the pool has
    // noticed every killed session.
    const gone = async () =>
      Number((await db().raw('SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ANY(?)', [killed])).rows[0].n) === 0;
    await waitFor(gone, 10_000, 'the killed sessions to end');
    await retryOnLostConnection(() => runner().run(id));
    await expectComplete(id);
  });

  it('queues again, at boot, an import nobody has moved for a while', async () => {
    const id = await queued();
    const queue = app.strapi.plugin('platform').service('queues').queue('audience-import');
    const requeued = async () =>
      (await queue.getJobs(['waiting']))
        .filter((j: { id?: string }) => j.id?.startsWith(`import-${id}-`))
        .map((j: { id?: string }) => j.id);

    await runner().resumeStalled();
    expect(await requeued()).toEqual([]);

    const idle = new Date(Date.now() - 10 * 60_000);
    await db()('herald_import_jobs').where({ id }).update({ updated_at: idle });
    await runner().resumeStalled();
    await runner().resumeStalled();
    expect(await requeued()).toEqual([`import-${id}-${idle.getTime()}`]);
    await db()('herald_import_jobs').where({ id }).update({ state: 'cancelled' });
  });

  it('lets two workers run one import at once without duplicating anything', async () => {
    await reset();
    const id = await queued();
    await Promise.all([runner().run(id), runner().run(id)]);
    await expectComplete(id);
  });
});
