import { useEffect, useState } from 'react';
import { Box, Button, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Block } from './blocks';
import { usePreview } from './usePreview';

const WIDTHS = { desktop: 640, mobile: 375 } as const;
type Subscriber = { documentId: string; email: string };

// The email as a chosen subscriber would see it, in a sandboxed frame at desktop or mobile width.
export const PreviewPane = ({ blocks, preheader }: { blocks: Block[]; preheader: string }) => {
  const { get } = useFetchClient();
  const [device, setDevice] = useState<keyof typeof WIDTHS>('desktop');
  const [subscriber, setSubscriber] = useState('');
  const [subscribers, setSubscribers] = useState<Subscriber[]>([]);
  const preview = usePreview(blocks, preheader, subscriber);
  useEffect(() => {
    get<{ results: Subscriber[] }>('/content-manager/collection-types/plugin::audience.subscriber?pageSize=50&sort=email:ASC').then((res) =>
      setSubscribers(res.data.results)
    );
  }, [get]);
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex gap={2} wrap="wrap">
        {(Object.keys(WIDTHS) as Array<keyof typeof WIDTHS>).map((d) => (
          <Button key={d} variant={device === d ? 'secondary' : 'tertiary'} aria-pressed={device === d} onClick={() => setDevice(d)}>
            {d === 'desktop' ? 'Desktop' : 'Mobile'}
          </Button>
        ))}
        <SingleSelect
          aria-label="Preview as"
          placeholder="Sample subscriber"
          value={subscriber}
          onChange={(v: string | number) => setSubscriber(String(v))}
        >
          <SingleSelectOption value="">Sample subscriber</SingleSelectOption>
          {subscribers.map((s) => (
            <SingleSelectOption key={s.documentId} value={s.documentId}>
              {s.email}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Flex>
      {preview.error && (
        <Typography textColor="danger600" variant="pi">
          {preview.error}
        </Typography>
      )}
      <Box background="neutral150" padding={2} hasRadius>
        <iframe
          title="Email preview"
          sandbox=""
          srcDoc={preview.html}
          style={{
            width: WIDTHS[device],
            maxWidth: '100%',
            height: 720,
            border: 0,
            background: '#fff',
            display: 'block',
            margin: '0 auto',
          }}
        />
      </Box>
    </Flex>
  );
};
