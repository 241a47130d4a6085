import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { ListPage } from '../../../../../types/shared/admin/ListPage';
import { CAMPAIGNS, actionUrl, isEditable, type Campaign, type Status } from '../components/campaign';

type Overview = { documentId: string; status: Status; total: number; sent: number; failed: number };
type Row = Campaign & Overview & { count: number | string };

// Audience counts of campaigns still being edited run a segment query each (about half a second
// on a million subscribers), so they fill in after the list shows, two at a time.
const COUNTS_AT_ONCE = 2;

export const CampaignList = () => {
  const { get } = useFetchClient();
  const [rows, setRows] = useState<Row[] | null>(null);

  useEffect(() => {
    let live = true;
    const load = async () => {
      const res = await get<{ results: Campaign[] }>(`${CAMPAIGNS}?pageSize=100&sort=updatedAt:DESC`);
      const campaigns = res.data.results;
      // The status comes from Herald (the content manager leaves out a field named `status`), with
      // the ledger's totals, for the whole page in one request.
      const ids = campaigns.map((c) => c.documentId).join(',');
      const overview = campaigns.length ? (await get<{ data: Overview[] }>(`/campaigns/campaigns-overview?ids=${ids}`)).data.data : [];
      const byId = new Map(overview.map((o) => [o.documentId, o]));
      const listed: Row[] = campaigns.flatMap((c) => {
        const o = byId.get(c.documentId);
        return o ? [{ ...c, ...o, count: isEditable(o.status) ? 'counting…' : o.total }] : [];
      });
      if (!live) return;
      setRows(listed);
      const pending = listed.filter((r) => isEditable(r.status));
      const countNext = async (): Promise<void> => {
        const row = pending.shift();
        if (!row || !live) return;
        const count = await get<{ data: { count: number } }>(actionUrl(row.documentId, 'count')).then(
          (r) => r.data.data.count,
          () => '—'
        );
        if (live) setRows((current) => current?.map((r) => (r.documentId === row.documentId ? { ...r, count } : r)) ?? null);
        return countNext();
      };
      await Promise.all(Array.from({ length: COUNTS_AT_ONCE }, countNext));
    };
    load();
    return () => {
      live = false;
    };
  }, [get]);

  return (
    <ListPage
      title="Campaigns"
      subtitle="One email to an audience, sent now or on a schedule"
      newLabel="New campaign"
      rows={rows}
      columns={['Status', 'Audience', 'Sent / failed']}
      cells={(r) => [r.status, r.count, isEditable(r.status) ? '—' : `${r.sent} / ${r.failed}`]}
    />
  );
};
