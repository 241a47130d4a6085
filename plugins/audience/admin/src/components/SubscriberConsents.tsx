import { useEffect, useState } from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { messageOf } from './api';

type Consent = { action: string; basis: string; method: string; createdAt?: string; created_at?: string };

// The subscriber's consent records (GET /audience/subscribers/:id/consents), newest first.
export const SubscriberConsents = ({ documentId }: { documentId: string }) => {
  const { get } = useFetchClient();
  const [consents, setConsents] = useState<Consent[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    get<{ results?: Consent[]; data?: Consent[] } | Consent[]>(`/audience/subscribers/${documentId}/consents`)
      .then((res) => setConsents(Array.isArray(res.data) ? res.data : (res.data.results ?? res.data.data ?? [])))
      .catch((err) => setError(messageOf(err)));
  }, [documentId]);

  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!consents) return <Typography textColor="neutral600">Loading consents…</Typography>;
  if (consents.length === 0) return <Typography textColor="neutral600">No consent recorded.</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={1} aria-label="Consent records" role="list">
      {consents.map((c, i) => (
        <Typography key={i} role="listitem" variant="pi">
          {c.action} ({c.basis}, {c.method}) · {new Date(c.createdAt ?? c.created_at ?? '').toLocaleString()}
        </Typography>
      ))}
    </Flex>
  );
};
