import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { ListPage } from '../../../../../types/shared/admin/ListPage';
import { TEMPLATES } from './TemplateEditor';

type Row = { documentId: string; name: string; description?: string; updatedAt: string };

export const TemplateList = () => {
  const { get } = useFetchClient();
  const [rows, setRows] = useState<Row[] | null>(null);
  useEffect(() => {
    get<{ results: Row[] }>(`${TEMPLATES}?pageSize=100&sort=name:ASC`).then((res) => setRows(res.data.results));
  }, [get]);
  return (
    <ListPage
      title="Templates"
      subtitle="Email layouts built from blocks"
      newLabel="New template"
      rows={rows}
      columns={['Description', 'Updated']}
      cells={(r) => [r.description, new Date(r.updatedAt).toLocaleString()]}
    />
  );
};
