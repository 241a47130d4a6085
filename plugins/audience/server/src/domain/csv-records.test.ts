import type { Delimiter, Encoding } from './csv-detect';
import { csvRecordBatches, type CsvRecord } from './csv-records';

const records = async (
  chunks: Buffer[],
  settings: { encoding: Encoding; delimiter: Delimiter } = { encoding: 'utf-8', delimiter: ',' }
) => {
  const out: CsvRecord[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const batch of csvRecordBatches(source(), settings)) out.push(...batch);
  return out;
};

describe('csvRecordBatches', () => {
  it('numbers records like spreadsheet rows, blank lines included, without the byte order mark', async () => {
    expect(await records([Buffer.from('\ufeffemail,name\r\na@x.test,A\r\n\r\nb@x.test,"B, Jr"\r\n')])).toEqual([
      { row: 1, cells: ['email', 'name'] },
      { row: 2, cells: ['a@x.test', 'A'] },
      { row: 3, cells: [''] },
      { row: 4, cells: ['b@x.test', 'B, Jr'] },
    ]);
  });

  it('puts a record it cannot read in its place, as an error, and reads on', async () => {
    const out = await records([Buffer.from('a,b\n1,2\n"x"y,3\n4,5\n"6,7\n8,9\n')]);
    expect(out.slice(0, 4)).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', '2'] },
      { row: 3, cells: ['"x"y', '3'] },
      { row: 4, cells: ['4', '5'] },
    ]);
    expect(out[4]).toEqual({ row: 5, error: expect.stringMatching(/Quote Not Closed/) });
    expect(out).toHaveLength(5);
  });

  it('decodes the chosen encoding across chunk boundaries', async () => {
    const utf8 = Buffer.from('name\nJosé\n', 'utf8');
    const cut = utf8.indexOf(0xc3) + 1;
    expect(await records([utf8.subarray(0, cut), utf8.subarray(cut)])).toEqual([
      { row: 1, cells: ['name'] },
      { row: 2, cells: ['José'] },
    ]);
    expect(await records([Buffer.from('name;town\nJosé;Málaga\n', 'latin1')], { encoding: 'latin1', delimiter: ';' })).toEqual([
      { row: 1, cells: ['name', 'town'] },
      { row: 2, cells: ['José', 'Málaga'] },
    ]);
  });

  it('stops reading when the reader stops early', async () => {
    let served = 0;
    async function* endless() {
      for (;;) {
        served++;
        yield Buffer.from('a@x.test,A\n'.repeat(1000));
      }
    }
    for await (const batch of csvRecordBatches(endless(), { encoding: 'utf-8', delimiter: ',' })) {
      expect(batch.length).toBeGreaterThan(0);
      break;
    }
    expect(served).toBeLessThan(50);
  });
});
