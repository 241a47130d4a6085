import { useEffect, useState } from 'react';
import { Button, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { TEMPLATES } from './TemplateEditor';

type Row = { documentId: string; name: string; description?: string; updatedAt: string };

export const TemplateList = () => {
  const { get } = useFetchClient();
  const navigate = useNavigate();
  const [rows, setRows] = useState<Row[] | null>(null);
  useEffect(() => {
    get<{ results: Row[] }>(`${TEMPLATES}?pageSize=100&sort=name:ASC`).then((res) => setRows(res.data.results));
  }, [get]);
  return (
    <Page.Main>
      <Layouts.Header
        title="Templates"
        subtitle="Email layouts built from blocks"
        primaryAction={
          <Button startIcon={<Plus />} onClick={() => navigate('new')}>
            New template
          </Button>
        }
      />
      <Layouts.Content>
        {rows === null ? (
          <Typography>Loading…</Typography>
        ) : (
          <Table colCount={3} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                {['Name', 'Description', 'Updated'].map((h) => (
                  <Th key={h}>
                    <Typography variant="sigma">{h}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((r) => (
                <Tr key={r.documentId}>
                  <Td>
                    <Button variant="ghost" onClick={() => navigate(r.documentId)}>
                      {r.name}
                    </Button>
                  </Td>
                  <Td>
                    <Typography>{r.description}</Typography>
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
