import { useEffect, useState } from 'react';
import { Box, Button, Flex, ProgressBar, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { actionUrl, type Progress } from './campaign';
import { issuesOf } from './errors';

type Props = { documentId: string; onProgress(progress: Progress): void };

const FIGURES: Array<[keyof Progress, string]> = [
  ['sent', 'Sent'],
  ['failed', 'Failed'],
  ['skipped', 'Skipped'],
  ['unknown', 'Unknown'],
  ['remaining', 'Remaining'],
  ['ratePerMinute', 'Per minute'],
];

// The send as it happens, read from the progress route every second, and the decision a person
// owes on messages whose outcome was lost.
export const CampaignProgress = ({ documentId, onProgress }: Props) => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [progress, setProgress] = useState<Progress | null>(null);

  useEffect(() => {
    let live = true;
    const poll = () =>
      get<{ data: Progress }>(actionUrl(documentId, 'progress'))
        .then((res) => {
          if (!live) return;
          setProgress(res.data.data);
          onProgress(res.data.data);
        })
        .catch(() => undefined);
    poll();
    const timer = setInterval(poll, 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [documentId, get, onProgress]);

  const resolve = async (decision: 'sent' | 'resend') => {
    try {
      const res = await post<{ data: { changed: number } }>(actionUrl(documentId, 'resolve-unknown'), { decision });
      toggleNotification({
        type: 'success',
        message: `${res.data.data.changed} message(s) ${decision === 'sent' ? 'counted as sent' : 'queued again'}`,
      });
    } catch (err) {
      toggleNotification({ type: 'danger', message: issuesOf(err).message });
    }
  };

  if (!progress || progress.total === 0) return null;
  const done = progress.total - progress.remaining;
  const percent = Math.round((done / progress.total) * 100);
  return (
    <Box background="neutral0" padding={4} hasRadius shadow="filterShadow">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta">Progress</Typography>
        {/* The design system's bar is white on grey, drawn for a dark background. */}
        <Box background="primary600" padding={2} hasRadius>
          <ProgressBar value={percent} aria-label="Send progress" style={{ width: '100%' }} />
        </Box>
        <Typography data-testid="progress-percent">
          {percent}% of {progress.total} recipients
        </Typography>
        <Flex gap={6} wrap="wrap">
          {FIGURES.map(([key, label]) => (
            <Typography key={key} data-testid={`progress-${key}`}>
              {label}: {progress[key]}
            </Typography>
          ))}
        </Flex>
        {progress.unknown > 0 && (
          <Flex direction="column" alignItems="stretch" gap={2} role="group" aria-label="Unknown outcomes">
            <Typography>
              {progress.unknown} message(s) were handed to Mailgun but the answer was lost. Check Mailgun&apos;s logs, then decide:
            </Typography>
            <Flex gap={2}>
              <Button variant="secondary" onClick={() => resolve('sent')}>
                They were sent
              </Button>
              <Button variant="danger-light" onClick={() => resolve('resend')}>
                Send them again
              </Button>
            </Flex>
          </Flex>
        )}
      </Flex>
    </Box>
  );
};
