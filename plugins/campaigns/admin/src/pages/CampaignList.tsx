import { useEffect, useState } from 'react';
import { Button, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { CAMPAIGNS, actionUrl, isEditable, type Campaign, type Progress } from '../components/campaign';

type Row = Campaign & { progress: Progress; count: number | string };

export const CampaignList = () => {
  const { get } = useFetchClient();
  const navigate = useNavigate();
  const [rows, setRows] = useState<Row[] | null>(null);

  useEffect(() => {
    const load = async () => {
      const res = await get<{ results: Campaign[] }>(`${CAMPAIGNS}?pageSize=100&sort=updatedAt:DESC`);
      // The status comes from the progress route (the content manager leaves out a field named
      // `status`); a campaign still being edited counts its audience, a started one its ledger.
      const detailed = await Promise.all(
        res.data.results.map(async (c): Promise<Row> => {
          const progress = (await get<{ data: Progress }>(actionUrl(c.documentId, 'progress'))).data.data;
          if (!isEditable(progress.status)) return { ...c, progress, count: progress.total };
          const count = await get<{ data: { count: number } }>(actionUrl(c.documentId, 'count')).then(
            (r) => r.data.data.count,
            () => '—'
          );
          return { ...c, progress, count };
        })
      );
      setRows(detailed);
    };
    load();
  }, [get]);

  return (
    <Page.Main>
      <Layouts.Header
        title="Campaigns"
        subtitle="One email to an audience, sent now or on a schedule"
        primaryAction={
          <Button startIcon={<Plus />} onClick={() => navigate('new')}>
            New campaign
          </Button>
        }
      />
      <Layouts.Content>
        {rows === null ? (
          <Typography>Loading…</Typography>
        ) : (
          <Table colCount={4} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                {['Name', 'Status', 'Audience', 'Sent / failed'].map((h) => (
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
                    <Typography>{r.progress.status}</Typography>
                  </Td>
                  <Td>
                    <Typography>{r.count}</Typography>
                  </Td>
                  <Td>
                    <Typography>{isEditable(r.progress.status) ? '—' : `${r.progress.sent} / ${r.progress.failed}`}</Typography>
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
