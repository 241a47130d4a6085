import { useEffect, useState } from 'react';
import { Combobox, ComboboxOption, Flex, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Condition } from './blocks';

type Props = { condition?: Condition; onChange(condition: Condition | undefined): void };

const OPERATORS = ['eq', 'ne', 'gt', 'lt', 'contains', 'present', 'blank'];
const PROPERTIES = [
  { value: 'email', label: 'Email' },
  { value: 'first_name', label: 'First name' },
  { value: 'last_name', label: 'Last name' },
  { value: 'status', label: 'Status' },
  { value: 'language', label: 'Language' },
  { value: 'time_zone', label: 'Time zone' },
];
const CM = '/content-manager/collection-types';

const fresh = (type: string): Condition | undefined => {
  if (type === 'has_tag') return { type, tag: '' };
  if (type === 'in_segment') return { type, segment: '' };
  if (type === 'field') return { type, field: 'first_name', operator: 'present' };
  return undefined;
};

// Entries of a content type, fetched once the condition needs them; a failed read leaves the list empty.
const useEntries = <T,>(uid: string, sort: string, enabled: boolean) => {
  const { get } = useFetchClient();
  const [entries, setEntries] = useState<T[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    get<{ results: T[] }>(`${CM}/${uid}?pageSize=100&sort=${sort}:ASC`)
      .then((res) => current && setEntries(res.data.results))
      .catch(() => current && setEntries([]));
    return () => {
      current = false;
    };
  }, [get, uid, sort, enabled]);
  return entries;
};

// The stored value stays selectable even when its tag, segment or field no longer exists.
const withCurrent = (options: Array<{ value: string; label: string }>, current: string) =>
  !current || options.some((o) => o.value === current) ? options : [...options, { value: current, label: `${current} (not found)` }];

// "Show only if": a tag, a field comparison, or membership of a segment (stored by documentId).
export const ConditionEditor = ({ condition, onChange }: Props) => {
  const tags = useEntries<{ name: string }>('plugin::audience.tag', 'name', condition?.type === 'has_tag');
  const segments = useEntries<{ documentId: string; name: string }>('plugin::segments.segment', 'name', condition?.type === 'in_segment');
  const fields = useEntries<{ key: string; label: string }>('plugin::audience.field-definition', 'label', condition?.type === 'field');
  const picker = (label: string, value: string, options: Array<{ value: string; label: string }>, set: (value: string) => void) => (
    <Combobox
      aria-label={label}
      placeholder={`Choose a ${label.toLowerCase()}`}
      value={value}
      onChange={(v?: string) => set(v ?? '')}
      onClear={() => set('')}
    >
      {withCurrent(options, value).map((o) => (
        <ComboboxOption key={o.value} value={o.value}>
          {o.label}
        </ComboboxOption>
      ))}
    </Combobox>
  );
  return (
    <Flex gap={2} wrap="wrap" alignItems="center">
      <SingleSelect
        aria-label="Show only if"
        value={condition?.type ?? 'always'}
        onChange={(v: string | number) => onChange(fresh(String(v)))}
      >
        <SingleSelectOption value="always">Always show</SingleSelectOption>
        <SingleSelectOption value="has_tag">Has tag</SingleSelectOption>
        <SingleSelectOption value="field">Field compare</SingleSelectOption>
        <SingleSelectOption value="in_segment">In segment</SingleSelectOption>
      </SingleSelect>
      {condition?.type === 'has_tag' &&
        picker(
          'Tag',
          condition.tag,
          tags.map((t) => ({ value: t.name, label: t.name })),
          (tag) => onChange({ ...condition, tag })
        )}
      {condition?.type === 'in_segment' &&
        picker(
          'Segment',
          condition.segment,
          segments.map((s) => ({ value: s.documentId, label: s.name })),
          (segment) => onChange({ ...condition, segment })
        )}
      {condition?.type === 'field' && (
        <>
          <SingleSelect
            aria-label="Field"
            value={condition.field}
            onChange={(v: string | number) => onChange({ ...condition, field: String(v) })}
          >
            {withCurrent([...PROPERTIES, ...fields.map((f) => ({ value: `fields.${f.key}`, label: f.label }))], condition.field).map(
              (o) => (
                <SingleSelectOption key={o.value} value={o.value}>
                  {o.label}
                </SingleSelectOption>
              )
            )}
          </SingleSelect>
          <SingleSelect
            aria-label="Comparison"
            value={condition.operator}
            onChange={(v: string | number) => onChange({ ...condition, operator: String(v) })}
          >
            {OPERATORS.map((op) => (
              <SingleSelectOption key={op} value={op}>
                {op}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          {!['present', 'blank'].includes(condition.operator) && (
            <TextInput
              aria-label="Compared value"
              placeholder="Compared value"
              value={String(condition.value ?? '')}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...condition, value: e.target.value })}
            />
          )}
        </>
      )}
    </Flex>
  );
};
