import { intArray, textArray } from '../../types/shared/pg-array';
import { pgClient } from '../harness/resources';

// The literals must read back in PostgreSQL as the values they were built from, awkward ones included.
describe('PostgreSQL array literals', () => {
  const client = pgClient('postgres');
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it('reads whole numbers and bigint strings back as they were', async () => {
    const values = [1, -7, 0, '9007199254740993', 2147483647];
    const { rows } = await client.query('SELECT $1::bigint[]::text[] AS v', [intArray(values)]);
    expect(rows[0].v).toEqual(values.map(String));
    expect((await client.query('SELECT cardinality($1::int[]) AS n', [intArray([])])).rows[0].n).toBe(0);
  });

  it('refuses anything that is not a whole number', () => {
    expect(() => intArray([1.5])).toThrow('not a whole number: 1.5');
    expect(() => intArray(['1,2'])).toThrow('not a whole number: 1,2');
  });

  it('reads text back exactly: quotes, backslashes, commas, braces, spaces, NULL, empty', async () => {
    const values = ['plain', 'with "quotes"', 'back\\slash', 'a,b', '{braces}', ' spaced ', 'NULL', '', null, 'é ✓'];
    const { rows } = await client.query('SELECT $1::text[] AS v', [textArray(values)]);
    expect(rows[0].v).toEqual(values);
  });
});
