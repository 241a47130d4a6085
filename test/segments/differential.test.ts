import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { compileSegment, countQuery, idsQuery, pageQuery, type CompileOptions } from '../../plugins/segments/server/src/domain/compile';
import { matcher } from '../../plugins/segments/server/src/domain/evaluate';
import { validateRules, type SegmentRules } from '../../plugins/segments/server/src/domain/rules';
import { createDatabase, dropDatabase } from '../harness/resources';
import { randomPopulation, type Population } from './population';
import { connect, load, query } from './postgres';
import { seededRandom, type Random } from './prng';
import { conditionCases, randomRules, unionRules } from './random-rules';
import { NOW, fields, source } from './world';

// Rule trees compiled and run on real PostgreSQL must select exactly the subscribers the in-memory
// evaluator selects. Data and rules are random; replay a failure with SEGMENTS_SEED=<its seed>.
const SEED = Number(process.env.SEGMENTS_SEED ?? randomBytes(4).readUInt32LE());
const SUBSCRIBERS = 300;
const TREES = 400;
const MAX_DEPTH = 4;
const VALUES_PER_OPERATOR = 6;

const options: CompileOptions = { source, fields, now: NOW };
const database = `herald_test_segments_${process.pid}_${randomBytes(4).toString('hex')}`;
let client: Client;
let population: Population;

beforeAll(async () => {
  await createDatabase(database);
  client = await connect(database);
  population = randomPopulation(seededRandom(SEED), SUBSCRIBERS);
  await load(client, population);
});

afterAll(async () => {
  await client?.end();
  await dropDatabase(database);
});

const idsInSql = async (rules: SegmentRules): Promise<number[]> => {
  const { where, bindings } = compileSegment(rules, options);
  const rows = await query<{ id: string }>(client, {
    sql: `SELECT s.id FROM audience.subscribers s WHERE ${where} ORDER BY s.id`,
    bindings,
  });
  return rows.map((row) => Number(row.id));
};

const idsInMemory = (rules: SegmentRules): number[] => {
  const isMember = matcher(rules, { fields, now: NOW });
  return population.subscribers.filter(isMember).map((s) => Number(s.id));
};

const idsByPages = async (rules: SegmentRules, limit: number): Promise<number[]> => {
  const ids: number[] = [];
  for (;;) {
    const page = await query<{ id: string }>(client, pageQuery(rules, options, { afterId: ids.at(-1), limit }));
    ids.push(...page.map((row) => Number(row.id)));
    if (page.length < limit) return ids;
  }
};

// The first few ids one side has and the other lacks: enough to debug, short enough to read.
const without = (ids: number[], others: number[]) => ids.filter((id) => !others.includes(id)).slice(0, 10);

interface Outcome {
  selected: number;
  failure?: object; // with the seed and rules that replay it
}

// Compares one tree every way: SQL against memory; count, id list and keyset pages against the plain query.
const compare = async (rules: SegmentRules, random: Random, pageToo: boolean): Promise<Outcome> => {
  const validation = validateRules(rules, fields);
  if (!validation.ok) return { selected: 0, failure: { seed: SEED, rules, invalid: validation } };
  const [inSql, inMemory] = [await idsInSql(rules), idsInMemory(rules)];
  const [{ count }] = await query<{ count: string }>(client, countQuery(rules, options));
  const listed = (await query<{ id: string }>(client, idsQuery(rules, options))).map((row) => Number(row.id));
  const paged = pageToo ? await idsByPages(rules, random.int(1, 40)) : inSql;
  const agree =
    inSql.join() === inMemory.join() && Number(count) === inSql.length && listed.join() === inSql.join() && paged.join() === inSql.join();
  if (agree) return { selected: inSql.length };
  const failure = {
    seed: SEED,
    rules,
    onlyInSql: without(inSql, inMemory),
    onlyInMemory: without(inMemory, inSql),
    inSql: inSql.length,
    inMemory: inMemory.length,
    counted: Number(count),
    listed: listed.length,
    paged: paged.length,
  };
  return { selected: inSql.length, failure };
};

it('agrees on every operator of every subject, alone and negated by a none group', async () => {
  const random = seededRandom(SEED + 1);
  const failures: object[] = [];
  for (const makeCondition of conditionCases) {
    for (let i = 0; i < VALUES_PER_OPERATOR; i++) {
      const rule = makeCondition(random);
      for (const rules of [rule, { type: 'group' as const, match: 'none' as const, children: [rule] }]) {
        const { failure } = await compare(rules, random, false);
        if (failure) failures.push(failure);
      }
    }
  }
  expect(failures.slice(0, 3)).toEqual([]);
});

it(`agrees on ${TREES} random rule trees nested ${MAX_DEPTH} deep, counting and paging included`, async () => {
  const random = seededRandom(SEED + 2);
  const failures: object[] = [];
  let selective = 0;
  for (let tree = 0; tree < TREES; tree++) {
    const { selected, failure } = await compare(randomRules(random, MAX_DEPTH), random, tree % 4 === 0);
    if (failure) failures.push({ tree, ...failure });
    if (selected > 0 && selected < SUBSCRIBERS) selective++;
  }
  expect(failures.slice(0, 3)).toEqual([]);
  // Agreement only means something if many trees select some subscribers but not all.
  expect({ seed: SEED, selectiveTrees: selective > TREES * 0.4 }).toEqual({ seed: SEED, selectiveTrees: true });
});

it(`agrees on ${TREES} random any groups counted as unions of id sets`, async () => {
  const random = seededRandom(SEED + 3);
  const failures: object[] = [];
  let unions = 0;
  for (let tree = 0; tree < TREES; tree++) {
    const rules = unionRules(random, MAX_DEPTH);
    if (countQuery(rules, options).sql.includes(' UNION ')) unions++;
    const { failure } = await compare(rules, random, tree % 4 === 0);
    if (failure) failures.push({ tree, ...failure });
  }
  expect(failures.slice(0, 3)).toEqual([]);
  expect({ seed: SEED, mostlyUnions: unions > TREES * 0.6 }).toEqual({ seed: SEED, mostlyUnions: true });
});
