import { useState } from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { DataTable } from '../components/DataTable';
import { Pager } from '../components/Pager';
import { usePaged } from '../components/usePaged';
import { when } from '../components/when';

type Row = {
  id: string;
  created_at: string;
  actor_type: string;
  actor_label: string | null;
  action: string;
  entity_uid: string;
  entity_id: string | null;
  changed_fields: string[];
  ip: string | null;
};

export const AuditLogPage = () => {
  const [page, setPage] = useState(1);
  const { data, error } = usePaged<Row>('/platform/audit-log', page);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!data) return <Typography>Loading…</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <DataTable
        headers={['When', 'Who', 'Did', 'To', 'Fields', 'From']}
        rows={data.results.map((r) => ({
          key: r.id,
          cells: [
            when(r.created_at),
            `${r.actor_type}${r.actor_label ? `: ${r.actor_label}` : ''}`,
            r.action,
            `${r.entity_uid} ${r.entity_id ?? ''}`,
            r.changed_fields.join(', '),
            r.ip ?? '—',
          ],
        }))}
      />
      <Pager {...data.pagination} onPage={setPage} />
    </Flex>
  );
};
