import { Flex, NumberInput, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { STATUSES, needsNoValue, takesDays, type FieldType } from './rules';

type Props = {
  kind: FieldType | 'email' | 'created' | 'time_zone' | 'status';
  operator: string;
  value: unknown;
  options?: string[] | null;
  onChange(value: unknown): void;
};

// The value part of a condition, shaped by the kind of value and the operator.
export const ValueInput = ({ kind, operator, value, options, onChange }: Props) => {
  if (needsNoValue(operator)) return null;
  if (takesDays(operator)) {
    return (
      <NumberInput
        aria-label="Number of days"
        value={typeof value === 'number' ? value : undefined}
        onValueChange={(v: number | undefined) => onChange(v)}
      />
    );
  }
  if (kind === 'status') {
    return (
      <SingleSelect aria-label="Status" value={String(value ?? '')} onChange={(v: string | number) => onChange(String(v))}>
        {STATUSES.map((s) => (
          <SingleSelectOption key={s} value={s}>
            {s}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    );
  }
  if (kind === 'number' && operator === 'between') {
    const [min, max] = Array.isArray(value) ? (value as number[]) : [undefined, undefined];
    return (
      <Flex gap={2}>
        <NumberInput aria-label="From" value={min} onValueChange={(v: number | undefined) => onChange([v, max])} />
        <NumberInput aria-label="To" value={max} onValueChange={(v: number | undefined) => onChange([min, v])} />
      </Flex>
    );
  }
  if (kind === 'number')
    return (
      <NumberInput
        aria-label="Value"
        value={typeof value === 'number' ? value : undefined}
        onValueChange={(v: number | undefined) => onChange(v)}
      />
    );
  if (kind === 'select') {
    return (
      <SingleSelect aria-label="Value" value={String(value ?? '')} onChange={(v: string | number) => onChange(String(v))}>
        {(options ?? []).map((o) => (
          <SingleSelectOption key={o} value={o}>
            {o}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    );
  }
  if (kind === 'multiselect') {
    return (
      <TextInput
        aria-label="Values, separated by commas"
        placeholder={(options ?? []).join(', ')}
        value={Array.isArray(value) ? value.join(', ') : ''}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
          onChange(
            e.target.value
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          )
        }
      />
    );
  }
  const isDate = kind === 'date' || kind === 'created';
  return (
    <TextInput
      aria-label={isDate ? 'Date (YYYY-MM-DD)' : 'Value'}
      type={isDate ? 'date' : 'text'}
      value={String(value ?? '')}
      onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
    />
  );
};
