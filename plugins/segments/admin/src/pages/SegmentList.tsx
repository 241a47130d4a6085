import { useEffect, useState } from 'react';
import { Button, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';

type Row = { documentId: string; name: string; description?: string; updatedAt: string };

export const SegmentList = () => {
  const { get } = useFetchClient();
  const navigate = useNavigate();
  const [rows, setRows] = useState<Row[] | null>(null);
  useEffect(() => {
    get<{ results: Row[] }>('/content-manager/collection-types/plugin::segments.segment?pageSize=100&sort=name:ASC').then((res) =>
      setRows(res.data.results)
    );
  }, [get]);
  return (
    <Page.Main>
      <Layouts.Header
        title="Segments"
        subtitle="Rules over fields, tags, dates and engagement, counted live"
        primaryAction={
          <Button startIcon={<Plus />} onClick={() => navigate('new')}>
            New segment
          </Button>
        }
      />
      <Layouts.Content>
        {rows === null ? (
          <Typography>Loading…</Typography>
        ) : (
          <Table colCount={2} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">Name</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Updated</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((r) => (
                <Tr key={r.documentId} onClick={() => navigate(r.documentId)} style={{ cursor: 'pointer' }}>
                  <Td>
                    <Button variant="ghost" onClick={() => navigate(r.documentId)}>
                      {r.name}
                    </Button>
                  </Td>
                  <Td>
                    <Typography>{new Date(r.updatedAt).toLocaleString()}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
