import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { ListPage } from '../../../../../types/shared/admin/ListPage';

type Row = { documentId: string; name: string; description?: string; updatedAt: string };

export const SegmentList = () => {
  const { get } = useFetchClient();
  const [rows, setRows] = useState<Row[] | null>(null);
  useEffect(() => {
    get<{ results: Row[] }>('/content-manager/collection-types/plugin::segments.segment?pageSize=100&sort=name:ASC').then((res) =>
      setRows(res.data.results)
    );
  }, [get]);
  return (
    <ListPage
      title="Segments"
      subtitle="Rules over fields, tags, dates and engagement, counted live"
      newLabel="New segment"
      rows={rows}
      columns={['Updated']}
      cells={(r) => [new Date(r.updatedAt).toLocaleString()]}
    />
  );
};
