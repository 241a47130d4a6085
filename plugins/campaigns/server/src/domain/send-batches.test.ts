import { splitBatches } from './send-batches';

const person = (id: number, value: string) => ({ id, variables: { v0: value } });

describe('send batches', () => {
  it('sends a recipient whose values mention %recipient alone, everyone else together', () => {
    const people = [person(1, 'Ada'), person(2, '100%recipient.x_send%'), person(3, '50% off'), person(4, '%RECIPIENT.v0%')];
    const { batches, alone } = splitBatches(people);
    expect(batches.map((b) => b.map((p) => p.id))).toEqual([[1, 3]]);
    expect(alone.map((p) => p.id)).toEqual([2, 4]);
  });

  it('splits a group whose recipient-variables would pass the budget', () => {
    const people = Array.from({ length: 5 }, (_, i) => person(i, 'x'.repeat(1000)));
    const { batches } = splitBatches(people, 3200);
    expect(batches.map((b) => b.map((p) => p.id))).toEqual([[0, 1], [2, 3], [4]]);
    expect(splitBatches([person(9, 'x'.repeat(5000))], 3200).batches).toEqual([[person(9, 'x'.repeat(5000))]]);
  });
});
