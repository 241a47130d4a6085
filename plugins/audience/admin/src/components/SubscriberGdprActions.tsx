import { useState } from 'react';
import { Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { Download, Trash } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { messageOf } from './api';

const saveJson = (data: unknown, fileName: string) => {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
};

// "Export data (GDPR)" downloads everything held as JSON; "Erase subscriber" asks first, then erases.
export const SubscriberGdprActions = ({ documentId }: { documentId: string }) => {
  const { get, post } = useFetchClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);

  const exportData = async () => {
    try {
      const res = await get(`/audience/subscribers/${documentId}/gdpr-export`);
      saveJson(res.data, `subscriber-${documentId}.json`);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const erase = async () => {
    try {
      await post(`/audience/subscribers/${documentId}/erase`);
      navigate('..', { relative: 'path' });
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Button variant="secondary" startIcon={<Download />} onClick={exportData} fullWidth>
        Export data (GDPR)
      </Button>
      <Dialog.Root>
        <Dialog.Trigger>
          <Button variant="danger-light" startIcon={<Trash />} fullWidth>
            Erase subscriber
          </Button>
        </Dialog.Trigger>
        <Dialog.Content>
          <Dialog.Header>Erase this subscriber?</Dialog.Header>
          <Dialog.Body>
            Their profile, tags, timeline and mail are deleted and their address is blocked from coming back. Consent records keep only a
            hash of the address. This cannot be undone.
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button variant="tertiary">Cancel</Button>
            </Dialog.Cancel>
            <Dialog.Action>
              <Button variant="danger" onClick={erase}>
                Erase
              </Button>
            </Dialog.Action>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
      {error && <Typography textColor="danger600">{error}</Typography>}
    </Flex>
  );
};
