// An import's life: uploaded (file stored, waiting for a mapping) -> queued -> staging (reading the
// file into one row per address) -> applying (writing subscribers batch by batch) -> done. It can
// be cancelled before it is done, or fail on something a retry cannot fix.
export const JOB_STATES = ['uploaded', 'queued', 'staging', 'applying', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const RUNNING_STATES: readonly JobState[] = ['queued', 'staging', 'applying'];
export const FINISHED_STATES: readonly JobState[] = ['done', 'failed', 'cancelled'];

export type JobCounters = {
  fileSize: number;
  bytesRead: number;
  rowsRead: number;
  staged: number;
  applied: number;
};

// Reading the file is the quick part; writing subscribers, events and timelines is most of the time.
const READ_SHARE = 30;

// For the progress bar: how far along, and how many data rows the file holds (an estimate from the
// bytes read while reading, exact afterwards). A failed or cancelled job shows where it stopped.
export const progressOf = (state: JobState, c: JobCounters): { percent: number; rowsTotal: number | null } => {
  const dataRows = Math.max(c.rowsRead - 1, 0);
  if (state === 'done') return { percent: 100, rowsTotal: dataRows };
  if (state === 'uploaded' || state === 'queued') return { percent: 0, rowsTotal: null };
  if (state === 'applying' || c.staged > 0) {
    const share = c.staged > 0 ? c.applied / c.staged : 1;
    return { percent: Math.floor(READ_SHARE + (100 - READ_SHARE) * share), rowsTotal: dataRows };
  }
  const share = c.fileSize > 0 ? Math.min(c.bytesRead / c.fileSize, 1) : 0;
  return { percent: Math.floor(READ_SHARE * share), rowsTotal: share > 0 ? Math.round(dataRows / share) : null };
};
