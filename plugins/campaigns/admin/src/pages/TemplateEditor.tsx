import { useCallback, useEffect, useState } from 'react';
import { Box, Button, Field, Flex, Grid, TextInput, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useNavigate, useParams } from 'react-router-dom';
import { AssistantPanel } from '../components/AssistantPanel';
import type { Block } from '../components/blocks';
import { BlockList } from '../components/BlockList';
import { errorsByBlock, issuesOf, type BlockErrors } from '../components/errors';
import { PreviewPane } from '../components/PreviewPane';
import { SendTest } from '../components/SendTest';
import { VersionList } from '../components/VersionList';

export const TEMPLATES = '/content-manager/collection-types/plugin::campaigns.template';

type Template = { documentId: string; name: string; preheader?: string | null; body: { blocks: Block[] } };

export const TemplateEditor = () => {
  const { documentId = 'new' } = useParams();
  const navigate = useNavigate();
  const { get, post, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [name, setName] = useState('');
  const [preheader, setPreheader] = useState('');
  const [blocks, setBlocks] = useState<Block[]>([]);
  const [errors, setErrors] = useState<{ byBlock: BlockErrors; other: string[] }>({ byBlock: {}, other: [] });
  const [savedAt, setSavedAt] = useState(0);
  // Remounts the block inputs after a load or restore, so their drafts start from the stored blocks.
  const [loadedAt, setLoadedAt] = useState(0);

  const load = useCallback(async () => {
    if (documentId === 'new') return;
    const res = await get<{ data: Template }>(`${TEMPLATES}/${documentId}`);
    setName(res.data.data.name);
    setPreheader(res.data.data.preheader ?? '');
    setBlocks(res.data.data.body.blocks);
    setLoadedAt(Date.now());
  }, [documentId, get]);
  useEffect(() => {
    load();
  }, [load]);

  const save = async () => {
    const body = { name, preheader, body: { blocks } };
    try {
      const res =
        documentId === 'new'
          ? await post<{ data: Template }>(TEMPLATES, body)
          : await put<{ data: Template }>(`${TEMPLATES}/${documentId}`, body);
      setErrors({ byBlock: {}, other: [] });
      setSavedAt(Date.now());
      toggleNotification({ type: 'success', message: `Template “${name}” saved` });
      if (documentId === 'new') navigate(`../${res.data.data.documentId}`, { relative: 'path' });
    } catch (err) {
      const { message, issues } = issuesOf(err);
      setErrors(errorsByBlock(blocks, issues));
      toggleNotification({ type: 'danger', message });
    }
  };

  return (
    <Page.Main>
      <Layouts.Header
        title={documentId === 'new' ? 'New template' : name || 'Template'}
        subtitle="Blocks, personalised with Liquid such as {{ subscriber.first_name }}"
        primaryAction={
          <Button onClick={save} disabled={!name.trim()}>
            Save
          </Button>
        }
      />
      <Layouts.Content>
        <Grid.Root gap={6}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Field.Root name="name" required>
                <Field.Label>Name</Field.Label>
                <TextInput value={name} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setName(e.target.value)} />
              </Field.Root>
              <Field.Root name="preheader">
                <Field.Label>Preheader</Field.Label>
                <TextInput value={preheader} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setPreheader(e.target.value)} />
              </Field.Root>
              {errors.other.map((message) => (
                <Typography key={message} textColor="danger600" role="alert">
                  {message}
                </Typography>
              ))}
              <AssistantPanel onPreheader={setPreheader} onAddBlock={(block) => setBlocks([...blocks, block])} />
              <BlockList key={loadedAt} blocks={blocks} errors={errors.byBlock} onChange={setBlocks} />
              <SendTest blocks={blocks} preheader={preheader} name={name} />
              {documentId !== 'new' && (
                <VersionList
                  documentId={documentId}
                  savedAt={savedAt}
                  onRestored={() => {
                    load();
                    setSavedAt(Date.now());
                  }}
                />
              )}
            </Flex>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Box position="sticky" top={0} width="100%">
              <PreviewPane blocks={blocks} preheader={preheader} />
            </Box>
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Page.Main>
  );
};
