import { useState } from 'react';
import { Badge, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { DataTable } from '../components/DataTable';
import { Pager } from '../components/Pager';
import { usePaged } from '../components/usePaged';
import { when } from '../components/when';

type Row = {
  id: string;
  event_type: string;
  url: string;
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
};

export const DeliveriesPage = () => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [page, setPage] = useState(1);
  const { data, error, reload } = usePaged<Row>('/platform/webhook-deliveries', page);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!data) return <Typography>Loading…</Typography>;
  const resend = (id: string) =>
    post(`/platform/webhook-deliveries/${id}/resend`).then(() => {
      toggleNotification({ type: 'success', message: `Delivery ${id} queued again` });
      reload();
    });
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <DataTable
        headers={['When', 'Event', 'URL', 'Status', 'Attempts', 'Last answer', '']}
        rows={data.results.map((d) => ({
          key: d.id,
          cells: [
            when(d.created_at),
            d.event_type,
            <Typography ellipsis>{d.url}</Typography>,
            <Badge>{d.status}</Badge>,
            d.attempts,
            String(d.last_error ?? d.last_status_code ?? '—'),
            <Button variant="secondary" onClick={() => resend(d.id)}>
              Resend
            </Button>,
          ],
        }))}
      />
      <Pager {...data.pagination} onPage={setPage} />
    </Flex>
  );
};
