import { useEffect, useState } from 'react';
import { Field, Flex, Grid, MultiSelect, MultiSelectOption, Toggle, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { actionUrl, type Audience } from './campaign';
import { issuesOf } from './errors';

type Option = { documentId: string; name: string };
type Props = { documentId?: string; audience: Audience; disabled: boolean; onChange(audience: Audience): void };

const SEGMENTS = '/content-manager/collection-types/plugin::segments.segment?pageSize=100&sort=name:ASC';
const TAGS = '/content-manager/collection-types/plugin::audience.tag?pageSize=100&sort=name:ASC';

const useOptions = (url: string) => {
  const { get } = useFetchClient();
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    get<{ results: Option[] }>(url).then((res) => setOptions(res.data.results));
  }, [get, url]);
  return options;
};

// Who the campaign goes to, with its size counted by the server as the selection changes.
export const CampaignAudience = ({ documentId, audience, disabled, onChange }: Props) => {
  const { post } = useFetchClient();
  const segments = useOptions(SEGMENTS);
  const tags = useOptions(TAGS);
  const [count, setCount] = useState<{ value?: number; error?: string }>({});

  useEffect(() => {
    if (!documentId) return;
    // Waits for the selection to settle before counting, so quick edits make one query.
    const timer = setTimeout(() => {
      post<{ data: { count: number } }>(actionUrl(documentId, 'count'), { audience })
        .then((res) => setCount({ value: res.data.data.count }))
        .catch((err) => setCount({ error: issuesOf(err).message }));
    }, 300);
    return () => clearTimeout(timer);
  }, [audience, documentId, post]);

  const select = (side: 'include' | 'exclude', kind: 'segments' | 'tags', label: string, options: Option[]) => (
    <Field.Root name={`${side}-${kind}`}>
      <Field.Label>{label}</Field.Label>
      <MultiSelect
        value={audience[side][kind]}
        disabled={disabled}
        withTags
        onChange={(values: string[]) => onChange({ ...audience, [side]: { ...audience[side], [kind]: values } })}
      >
        {options.map((o) => (
          <MultiSelectOption key={o.documentId} value={o.documentId}>
            {o.name}
          </MultiSelectOption>
        ))}
      </MultiSelect>
    </Field.Root>
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Field.Root name="audience-all">
        <Field.Label>Send to every active subscriber</Field.Label>
        <Toggle
          onLabel="All"
          offLabel="Chosen"
          checked={audience.all}
          disabled={disabled}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...audience, all: e.target.checked })}
        />
      </Field.Root>
      <Grid.Root gap={4}>
        {!audience.all && (
          <>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              {select('include', 'segments', 'Include segments', segments)}
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              {select('include', 'tags', 'Include tags', tags)}
            </Grid.Item>
          </>
        )}
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          {select('exclude', 'segments', 'Exclude segments', segments)}
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          {select('exclude', 'tags', 'Exclude tags', tags)}
        </Grid.Item>
      </Grid.Root>
      <Typography aria-live="polite" textColor={count.error ? 'danger600' : undefined}>
        {!documentId
          ? 'Save the campaign to see how many subscribers it reaches'
          : (count.error ?? (count.value === undefined ? 'Counting…' : `Audience: ${count.value} subscribers`))}
      </Typography>
    </Flex>
  );
};
