import { useEffect, useState } from 'react';
import { Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { messageOf } from './api';

const FORM = 'plugin::audience.form';

type Counts = { views: number; submissions: number; confirmations: number };

// Where a saved form lives for visitors: its hosted page, the snippet for any website, and how it does.
const FormDetails = ({ documentId }: { documentId: string }) => {
  const { get } = useFetchClient();
  const [counts, setCounts] = useState<Counts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const origin = window.location.origin;

  useEffect(() => {
    get<{ data: Counts }>(`/audience/forms/${documentId}/counts`)
      .then((res) => setCounts(res.data.data))
      .catch((err) => setError(messageOf(err)));
  }, [documentId]);

  const snippet = `<div data-herald-form="${documentId}"></div>\n<script src="${origin}/herald-form.js" async></script>`;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      {error && <Typography textColor="danger600">{error}</Typography>}
      {counts && (
        <Typography variant="pi" aria-label="Form counts">
          {counts.views} views · {counts.submissions} submissions · {counts.confirmations} confirmations
        </Typography>
      )}
      <Link href={`${origin}/api/audience/forms/${documentId}/page`} isExternal>
        Open the hosted page
      </Link>
      <Typography variant="sigma" textColor="neutral600" tag="h3">
        Embed on any website
      </Typography>
      <Typography variant="pi" tag="pre" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} aria-label="Embed snippet">
        {snippet}
      </Typography>
    </Flex>
  );
};

// Content Manager edit-view side panel for a saved form.
export const FormPanel = ({ model, documentId }: { model: string; documentId?: string }) => {
  if (model !== FORM || !documentId) return null;
  return { title: 'Form', content: <FormDetails documentId={documentId} /> };
};
