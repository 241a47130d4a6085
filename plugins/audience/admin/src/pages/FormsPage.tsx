import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { ListPage } from '../../../../../types/shared/admin/ListPage';

type Form = { documentId: string; name: string; doubleOptIn: boolean };
type Counts = { views: number; submissions: number; confirmations: number };
type Row = Form & Counts;

// Forms are edited in the Content Manager (the edit view's side panel has the embed snippet).
const FORMS = '/content-manager/collection-types/plugin::audience.form';

const share = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(1)}%` : '—');

// Every signup form with how it does: views, submissions and their share of views, and, for double
// opt-in forms, confirmations and their share of submissions.
const FormsPage = () => {
  const { get } = useFetchClient();
  const [rows, setRows] = useState<Row[] | null>(null);

  useEffect(() => {
    const load = async () => {
      const forms = (await get<{ results: Form[] }>(`${FORMS}?pageSize=100&sort=updatedAt:DESC`)).data.results;
      const ids = forms.map((f) => f.documentId).join(',');
      const counts = forms.length ? (await get<{ data: Record<string, Counts> }>(`/audience/forms-counts?ids=${ids}`)).data.data : {};
      setRows(forms.map((f) => ({ ...f, ...(counts[f.documentId] ?? { views: 0, submissions: 0, confirmations: 0 }) })));
    };
    load();
  }, [get]);

  return (
    <ListPage
      title="Forms"
      subtitle="Signup forms: hosted pages and snippets for any website, with how each one converts"
      newLabel="New form"
      newTo={`${FORMS}/create`}
      rowTo={(r) => `${FORMS}/${r.documentId}`}
      rows={rows}
      columns={['Double opt-in', 'Views', 'Submissions', 'Conversion', 'Confirmed']}
      cells={(r) => [
        r.doubleOptIn ? 'yes' : 'no',
        r.views,
        r.submissions,
        share(r.submissions, r.views),
        r.doubleOptIn ? `${r.confirmations} (${share(r.confirmations, r.submissions)})` : '—',
      ]}
    />
  );
};

export default FormsPage;
