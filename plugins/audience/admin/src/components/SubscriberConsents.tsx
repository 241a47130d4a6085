import { useEffect, useState } from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { messageOf } from './api';

// As GET /audience/subscribers/:documentId/consents answers (server/src/services/consents.ts).
type Consent = {
  id: string;
  action: 'granted' | 'withdrawn';
  basis: string;
  method: string;
  formVersion: string | null;
  wording: string | null;
  confirmedAt: string | null;
  createdAt: string;
  // Set for the basis an import stated for its whole file.
  importId: string | null;
  importFile: string | null;
  importedBy: string | null;
};

const when = (iso: string) => new Date(iso).toLocaleString();

// The subscriber's consent records, newest first: what was agreed to, how, and when it was confirmed.
export const SubscriberConsents = ({ documentId }: { documentId: string }) => {
  const { get } = useFetchClient();
  const [consents, setConsents] = useState<Consent[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    get<{ data: Consent[] }>(`/audience/subscribers/${documentId}/consents`)
      .then((res) => setConsents(res.data.data))
      .catch((err) => setError(messageOf(err)));
  }, [documentId]);

  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!consents) return <Typography textColor="neutral600">Loading consents…</Typography>;
  if (consents.length === 0) return <Typography textColor="neutral600">No consent recorded.</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} aria-label="Consent records" role="list">
      {consents.map((c) => (
        <Flex key={c.id} role="listitem" direction="column" alignItems="stretch" gap={0}>
          <Typography variant="pi" fontWeight="bold">
            {c.action} ({c.basis}, {c.method}) · {when(c.createdAt)}
          </Typography>
          {c.confirmedAt && <Typography variant="pi">confirmed {when(c.confirmedAt)}</Typography>}
          {c.importId && (
            <Typography variant="pi" textColor="neutral600">
              stated for import #{c.importId} of {c.importFile}
              {c.importedBy ? ` by ${c.importedBy}` : ''}
            </Typography>
          )}
          {c.wording && (
            <Typography variant="pi" textColor="neutral600">
              “{c.wording}”{c.formVersion ? ` (wording v${c.formVersion})` : ''}
            </Typography>
          )}
        </Flex>
      ))}
    </Flex>
  );
};
