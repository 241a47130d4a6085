import { useEffect, useState } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { messageOf } from './api';
import { timelineText } from './timelineText';

type Entry = { id: string; type: string; data: Record<string, unknown>; actor: string | null; created_at: string };
type Page = { results: Entry[]; pagination: { page: number; pageCount: number } };

const PAGE_SIZE = 10;

// The subscriber's activity, newest first, a page at a time (GET /audience/subscribers/:id/timeline).
export const SubscriberTimeline = ({ documentId }: { documentId: string }) => {
  const { get } = useFetchClient();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    get<Page>(`/audience/subscribers/${documentId}/timeline`, { params: { page, pageSize: PAGE_SIZE } })
      .then((res) => setData(res.data))
      .catch((err) => setError(messageOf(err)));
  }, [documentId, page]);

  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!data) return <Typography textColor="neutral600">Loading activity…</Typography>;
  if (data.results.length === 0) return <Typography textColor="neutral600">No activity yet.</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} aria-label="Activity timeline" role="list">
      {data.results.map((entry) => (
        <Box
          key={entry.id}
          role="listitem"
          paddingBottom={2}
          borderColor="neutral150"
          style={{ borderBottomWidth: 1, borderBottomStyle: 'solid' }}
        >
          <Typography variant="omega" fontWeight="bold">
            {timelineText(entry)}
          </Typography>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {new Date(entry.created_at).toLocaleString()}
            {entry.actor ? ` · ${entry.actor}` : ''}
          </Typography>
        </Box>
      ))}
      <Flex justifyContent="space-between">
        <Button variant="tertiary" size="S" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          Newer
        </Button>
        <Button variant="tertiary" size="S" disabled={page >= data.pagination.pageCount} onClick={() => setPage(page + 1)}>
          Older
        </Button>
      </Flex>
    </Flex>
  );
};
