import { useEffect, useState } from 'react';
import { Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';

// Bull Board in a frame, after the admin API hands this browser a short-lived pass (cookie).
export const QueuesPage = () => {
  const { post } = useFetchClient();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    post<{ url: string }>('/platform/queue-dashboard/session')
      .then((res) => setUrl(res.data.url))
      .catch((err: Error) => setError(err.message));
  }, [post]);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!url) return <Typography>Opening the dashboard…</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Link href={url} isExternal>
        Open in a new tab
      </Link>
      <iframe title="Queue dashboard" src={url} style={{ width: '100%', height: '75vh', border: 0 }} />
    </Flex>
  );
};
