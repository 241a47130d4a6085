import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { ListPage } from '../components/ListPage';
import { CAMPAIGNS, actionUrl, isEditable, type Campaign, type Progress } from '../components/campaign';

type Row = Campaign & { progress: Progress; count: number | string };

export const CampaignList = () => {
  const { get } = useFetchClient();
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
    <ListPage
      title="Campaigns"
      subtitle="One email to an audience, sent now or on a schedule"
      newLabel="New campaign"
      rows={rows}
      columns={['Status', 'Audience', 'Sent / failed']}
      cells={(r) => [r.progress.status, r.count, isEditable(r.progress.status) ? '—' : `${r.progress.sent} / ${r.progress.failed}`]}
    />
  );
};
