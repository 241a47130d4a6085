import { progressOf } from './import-job';

const counters = { fileSize: 1000, bytesRead: 0, rowsRead: 0, staged: 0, applied: 0 };

describe('progressOf', () => {
  it('estimates the rows while reading, from the share of bytes read', () => {
    expect(progressOf('queued', counters)).toEqual({ percent: 0, rowsTotal: null });
    expect(progressOf('staging', { ...counters, bytesRead: 250, rowsRead: 101 })).toEqual({ percent: 7, rowsTotal: 400 });
  });

  it('counts written rows after reading, and ends at 100', () => {
    expect(progressOf('applying', { ...counters, bytesRead: 1000, rowsRead: 401, staged: 380, applied: 190 })).toEqual({
      percent: 65,
      rowsTotal: 400,
    });
    expect(progressOf('done', { ...counters, bytesRead: 1000, rowsRead: 401, staged: 380, applied: 380 })).toEqual({
      percent: 100,
      rowsTotal: 400,
    });
  });

  it('shows where a cancelled job stopped', () => {
    expect(progressOf('cancelled', { ...counters, bytesRead: 500, rowsRead: 201 })).toEqual({ percent: 15, rowsTotal: 400 });
    expect(progressOf('cancelled', { ...counters, bytesRead: 1000, rowsRead: 401, staged: 400, applied: 100 })).toMatchObject({
      percent: 47,
    });
  });
});
