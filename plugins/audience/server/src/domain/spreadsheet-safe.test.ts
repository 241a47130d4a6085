import { spreadsheetSafe } from './spreadsheet-safe';

describe('spreadsheetSafe', () => {
  it('turns cells a spreadsheet would run as formulas into text', () => {
    for (const cell of ['=1+1', '+33 1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(spreadsheetSafe(cell)).toBe(`'${cell}`);
  });

  it('leaves other cells alone', () => {
    for (const cell of ['', 'ada@x.test', 'a=b', ' =x']) expect(spreadsheetSafe(cell)).toBe(cell);
  });
});
