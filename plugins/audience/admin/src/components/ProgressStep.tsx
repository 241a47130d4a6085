import { useEffect, useState } from 'react';
import { Box, Button, Flex, ProgressBar, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { messageOf, type ImportJob } from './api';

const POLL_MS = 1000;
const FINISHED = ['done', 'failed', 'cancelled'];

const PHASES: Record<ImportJob['state'], string> = {
  uploaded: 'Waiting to start',
  queued: 'Waiting for a worker',
  staging: 'Reading the file',
  applying: 'Writing subscribers',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

// Step 3: follow the job, cancel it, and fetch the report of rows it turned away.
export const ProgressStep = ({ initial }: { initial: ImportJob }) => {
  const { get, post } = useFetchClient();
  const [job, setJob] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const finished = FINISHED.includes(job.state);

  useEffect(() => {
    if (finished) return undefined;
    const timer = setInterval(() => {
      get<ImportJob>(`/audience/imports/${job.id}`)
        .then(({ data }) => setJob(data))
        .catch((err: unknown) => setError(messageOf(err)));
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [get, job.id, finished]);

  const cancel = () =>
    post<ImportJob>(`/audience/imports/${job.id}/cancel`, {})
      .then(({ data }) => setJob(data))
      .catch((err: unknown) => setError(messageOf(err)));

  const downloadReport = async () => {
    const { data } = await get<Blob>(`/audience/imports/${job.id}/errors.csv`, { responseType: 'blob' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(data);
    link.download = `${job.fileName.replace(/\.[^.]*$/, '')}-errors.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  const c = job.counts;
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta">
          {job.fileName}: {PHASES[job.state]}
        </Typography>
        {/* The design system's ProgressBar draws the value but does not announce it: say it here. */}
        <ProgressBar
          value={job.progress.percent}
          aria-label="Import progress"
          aria-valuenow={job.progress.percent}
          aria-valuetext={`${job.progress.percent}%`}
        />
        <Typography>
          {c.rowsRead.toLocaleString()} of {job.progress.rowsTotal === null ? '…' : `~${job.progress.rowsTotal.toLocaleString()}`} rows read
          · {c.inserted.toLocaleString()} added · {c.updated.toLocaleString()} updated · {c.skipped.toLocaleString()} left as they were ·{' '}
          {c.merged.toLocaleString()} duplicates merged · {c.errors.toLocaleString()} rows with errors
        </Typography>
        {job.error && <Typography textColor="danger600">{job.error}</Typography>}
        {error && <Typography textColor="danger600">{error}</Typography>}
        <Flex gap={2}>
          {!finished && (
            <Button variant="danger-light" onClick={cancel}>
              Cancel
            </Button>
          )}
          {c.errors > 0 && (
            <Button variant="secondary" onClick={downloadReport}>
              Download the error report
            </Button>
          )}
        </Flex>
      </Flex>
    </Box>
  );
};
