import { startHerald, type TestHerald } from '../test/harness/app';
import { createDatabase } from '../test/harness/resources';

// A web process for a benchmark whose seeded data takes minutes: with a database name, the data is
// kept there and found again by later runs; without one, a fresh database as in every test.
export const startOnKeptDatabase = async (keptDatabase?: string): Promise<TestHerald> => {
  if (!keptDatabase) return startHerald({ HERALD_PROCESS: 'web', LOG_LEVEL: 'error' });
  await createDatabase(keptDatabase).catch((err: { code?: string }) => {
    if (err.code !== '42P04') throw err; // duplicate_database: seeded by an earlier run
  });
  // The harness still creates (and drops) a database of its own; Strapi connects to the kept one.
  return startHerald({ HERALD_PROCESS: 'web', LOG_LEVEL: 'error', DATABASE_NAME: keptDatabase });
};
