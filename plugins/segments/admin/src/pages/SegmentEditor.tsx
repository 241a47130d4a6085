import { useEffect, useState } from 'react';
import { Box, Button, Field, Flex, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useNavigate, useParams } from 'react-router-dom';
import { RuleGroup } from '../components/RuleGroup';
import { emptyGroup, type Group } from '../components/rules';
import { useCatalog } from '../components/useCatalog';
import { useLiveCount } from '../components/useLiveCount';

const CM = '/content-manager/collection-types/plugin::segments.segment';

export const SegmentEditor = () => {
  const { documentId = 'new' } = useParams();
  const navigate = useNavigate();
  const { get, post, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { fields, tags } = useCatalog();
  const [name, setName] = useState('');
  const [rules, setRules] = useState<Group>(emptyGroup());
  const live = useLiveCount(rules);

  useEffect(() => {
    if (documentId === 'new') return;
    get<{ data: { name: string; rules: Group } }>(`${CM}/${documentId}`).then((res) => {
      setName(res.data.data.name);
      setRules(res.data.data.rules);
    });
  }, [documentId, get]);

  const save = async () => {
    try {
      const body = { name, rules };
      const res =
        documentId === 'new'
          ? await post<{ data: { documentId: string } }>(CM, body)
          : await put<{ data: { documentId: string } }>(`${CM}/${documentId}`, body);
      toggleNotification({ type: 'success', message: `Segment “${name}” saved` });
      if (documentId === 'new') navigate(`../${res.data.data.documentId}`, { relative: 'path' });
    } catch (err) {
      const e = err as { response?: { data?: { error?: { message?: string } } }; message: string };
      toggleNotification({ type: 'danger', message: e.response?.data?.error?.message ?? e.message });
    }
  };

  return (
    <Page.Main>
      <Layouts.Header
        title={documentId === 'new' ? 'New segment' : name || 'Segment'}
        subtitle={
          live.error
            ? live.error
            : live.count === null
              ? 'Counting…'
              : `${live.count.toLocaleString()} subscribers match (counted in ${live.tookMs} ms)`
        }
        primaryAction={
          <Button onClick={save} disabled={!name.trim()}>
            Save
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Field.Root name="name" required>
            <Field.Label>Name</Field.Label>
            <TextInput value={name} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setName(e.target.value)} />
          </Field.Root>
          <RuleGroup group={rules} fields={fields} tags={tags} depth={0} onChange={setRules} />
          <Box>
            <Typography variant="delta" tag="h2">
              First matching subscribers
            </Typography>
            <Table colCount={3} rowCount={live.preview.length + 1}>
              <Thead>
                <Tr>
                  {['Email', 'Name', 'Status'].map((h) => (
                    <Th key={h}>
                      <Typography variant="sigma">{h}</Typography>
                    </Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {live.preview.map((s) => (
                  <Tr key={s.id}>
                    <Td>
                      <Typography>{s.email}</Typography>
                    </Td>
                    <Td>
                      <Typography>{[s.firstName, s.lastName].filter(Boolean).join(' ')}</Typography>
                    </Td>
                    <Td>
                      <Typography>{s.status}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
