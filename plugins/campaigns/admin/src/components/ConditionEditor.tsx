import { Flex, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import type { Condition } from './blocks';

type Props = { condition?: Condition; onChange(condition: Condition | undefined): void };

const OPERATORS = ['eq', 'ne', 'gt', 'lt', 'contains', 'present', 'blank'];
const fresh = (type: string): Condition | undefined => {
  if (type === 'has_tag') return { type, tag: '' };
  if (type === 'in_segment') return { type, segment: '' };
  if (type === 'field') return { type, field: 'first_name', operator: 'present' };
  return undefined;
};

// "Show only if": a tag, a field comparison, or membership of a segment (by documentId).
export const ConditionEditor = ({ condition, onChange }: Props) => {
  const input = (label: string, value: string, set: (value: string) => void) => (
    <TextInput
      aria-label={label}
      placeholder={label}
      value={value}
      onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(e.target.value)}
    />
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
      {condition?.type === 'has_tag' && input('Tag name', condition.tag, (tag) => onChange({ ...condition, tag }))}
      {condition?.type === 'in_segment' && input('Segment id', condition.segment, (segment) => onChange({ ...condition, segment }))}
      {condition?.type === 'field' && (
        <>
          {input('Field (first_name or fields.key)', condition.field, (field) => onChange({ ...condition, field }))}
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
          {!['present', 'blank'].includes(condition.operator) &&
            input('Compared value', String(condition.value ?? ''), (value) => onChange({ ...condition, value }))}
        </>
      )}
    </Flex>
  );
};
