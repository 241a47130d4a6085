import { useState } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { DataTable } from '../components/DataTable';
import { Pager } from '../components/Pager';
import { usePaged } from '../components/usePaged';
import { when } from '../components/when';

type Row = { id: string; to_address: string; from_address: string; subject: string; created_at: string };
type Message = Row & { html: string | null; text_body: string | null; headers: Record<string, string> };

export const OutboxPage = () => {
  const { get } = useFetchClient();
  const [page, setPage] = useState(1);
  const { data, error, reload } = usePaged<Row>('/platform/outbox', page);
  const [open, setOpen] = useState<Message | null>(null);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!data) return <Typography>Loading…</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex justifyContent="space-between">
        <Typography>
          {data.transport === 'outbox'
            ? 'No Mailgun key is set, so Herald delivers here. Set MAILGUN_API_KEY and MAILGUN_DOMAIN to send for real.'
            : 'Mailgun is configured; this list holds only what was sent before it was.'}
        </Typography>
        <Button variant="secondary" onClick={reload}>
          Refresh
        </Button>
      </Flex>
      <DataTable
        headers={['When', 'To', 'Subject', '']}
        rows={data.results.map((m) => ({
          key: m.id,
          cells: [
            when(m.created_at),
            m.to_address,
            m.subject,
            <Button variant="tertiary" onClick={() => get<Message>(`/platform/outbox/${m.id}`).then((res) => setOpen(res.data))}>
              View
            </Button>,
          ],
        }))}
      />
      <Pager {...data.pagination} onPage={setPage} />
      {open && (
        <Box background="neutral0" padding={4} shadow="tableShadow" hasRadius>
          <Flex justifyContent="space-between">
            <Typography variant="delta">{open.subject}</Typography>
            <Button variant="tertiary" onClick={() => setOpen(null)}>
              Close
            </Button>
          </Flex>
          <Typography variant="pi">
            From {open.from_address} to {open.to_address}
          </Typography>
          {/* An empty sandbox: the message's own scripts and forms never run inside the admin. */}
          <iframe
            title="Message preview"
            sandbox=""
            srcDoc={open.html ?? `<pre>${open.text_body ?? ''}</pre>`}
            style={{ width: '100%', height: 600, border: 0, marginTop: 16 }}
          />
        </Box>
      )}
    </Flex>
  );
};
