import { useCallback, useEffect, useState } from 'react';
import { Box, Button, Field, Flex, Radio, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { PreviewTable } from './PreviewTable';
import { CONSENT_BASES, DELIMITERS, ENCODINGS, messageOf, type ImportJob, type Preview, type Settings } from './api';

const SKIP = '';

// Step 2: check how the file reads, map its columns, and choose how to import.
export const MappingStep = ({ id, onStarted }: { id: string; onStarted: (job: ImportJob) => void }) => {
  const { get, post } = useFetchClient();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<string[]>([]);
  const [mode, setMode] = useState('add');
  const [consentBasis, setConsentBasis] = useState('');
  const [tags, setTags] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    (chosen: Settings | null) => {
      const query = chosen ? `?${new URLSearchParams(chosen).toString()}` : '';
      get<Preview>(`/audience/imports/${id}/preview${query}`)
        .then(({ data }) => {
          setPreview(data);
          setSettings(data.settings);
          setMapping(data.mapping.map((t) => t ?? SKIP));
          setError(null);
        })
        .catch((err: unknown) => setError(messageOf(err)));
    },
    [get, id]
  );
  useEffect(() => load(null), [load]);

  const start = async () => {
    setBusy(true);
    try {
      const body = {
        ...settings,
        mapping: mapping.map((t) => t || null),
        mode,
        consentBasis,
        tags: tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      };
      onStarted((await post<ImportJob>(`/audience/imports/${id}/start`, body)).data);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  if (!preview || !settings) return <Typography textColor={error ? 'danger600' : undefined}>{error ?? 'Reading the file…'}</Typography>;
  const choose = (key: keyof Settings) => (value: string | number) => load({ ...settings, [key]: String(value) });

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={4}>
        <Field.Root name="encoding">
          <Field.Label>Encoding</Field.Label>
          <SingleSelect value={settings.encoding} onChange={choose('encoding')}>
            {ENCODINGS.map((e) => (
              <SingleSelectOption key={e} value={e}>
                {e === preview.detected.encoding ? `${e} (detected)` : e}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <Field.Root name="delimiter">
          <Field.Label>Delimiter</Field.Label>
          <SingleSelect value={settings.delimiter} onChange={choose('delimiter')}>
            {DELIMITERS.map((d) => (
              <SingleSelectOption key={d.value} value={d.value}>
                {d.value === preview.detected.delimiter ? `${d.label} (detected)` : d.label}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      </Flex>
      <Box overflow="auto">
        <PreviewTable
          headers={preview.headers}
          rows={preview.rows}
          controls={preview.headers.map((header, i) => (
            <SingleSelect
              aria-label={`Field for ${header}`}
              value={mapping[i]}
              onChange={(value: string | number) => setMapping(mapping.map((t, j) => (j === i ? String(value) : t)))}
            >
              <SingleSelectOption value={SKIP}>Do not import</SingleSelectOption>
              {preview.targets.map((t) => (
                <SingleSelectOption key={t.target} value={t.target}>
                  {t.label}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          ))}
        />
      </Box>
      <Field.Root name="mode">
        <Field.Label>Subscribers already on the list</Field.Label>
        <Radio.Group value={mode} onValueChange={setMode}>
          <Radio.Item value="add">Add new people only, leave existing ones unchanged</Radio.Item>
          <Radio.Item value="upsert">Add new people and update existing ones with the file's values</Radio.Item>
        </Radio.Group>
      </Field.Root>
      <Field.Root name="consentBasis">
        <Field.Label>Why may we email these people?</Field.Label>
        <SingleSelect
          placeholder="Choose a consent basis"
          value={consentBasis}
          onChange={(v: string | number) => setConsentBasis(String(v))}
        >
          {CONSENT_BASES.map((b) => (
            <SingleSelectOption key={b.value} value={b.value}>
              {b.label}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
      <Field.Root name="tags" hint="Comma-separated; tags that do not exist yet are created">
        <Field.Label>Tags to apply to every imported row</Field.Label>
        <TextInput value={tags} onChange={(e: { target: { value: string } }) => setTags(e.target.value)} />
        <Field.Hint />
      </Field.Root>
      {error && <Typography textColor="danger600">{error}</Typography>}
      <Flex>
        <Button onClick={start} loading={busy} disabled={!consentBasis}>
          Start the import
        </Button>
      </Flex>
    </Flex>
  );
};
