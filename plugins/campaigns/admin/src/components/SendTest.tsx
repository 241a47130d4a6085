import { useState } from 'react';
import { Button, Field, Flex, TextInput } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { Block } from './blocks';
import { issuesOf } from './errors';

// Sends the current (unsaved) blocks to a few addresses, comma separated.
export const SendTest = ({ blocks, preheader, name }: { blocks: Block[]; preheader: string; name: string }) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [to, setTo] = useState('');
  const send = async () => {
    try {
      const addresses = to
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);
      const res = await post<{ sent: number }>('/campaigns/templates/send-test', { blocks, preheader, name, to: addresses });
      toggleNotification({ type: 'success', message: `Test sent to ${res.data.sent} address(es)` });
    } catch (err) {
      toggleNotification({ type: 'danger', message: issuesOf(err).message });
    }
  };
  return (
    <Flex gap={2} alignItems="end">
      <Field.Root name="test-to">
        <Field.Label>Send a test to</Field.Label>
        <TextInput
          placeholder="you@example.com, colleague@example.com"
          value={to}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTo(e.target.value)}
        />
      </Field.Root>
      <Button variant="secondary" onClick={send} disabled={!to.trim()}>
        Send test
      </Button>
    </Flex>
  );
};
