import { Checkbox, Flex, IconButton, NumberInput, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { OPERATORS, OPERATOR_LABELS, type Condition, type FieldInfo, type TagInfo } from './rules';
import { ValueInput } from './ValueInput';

type Props = { condition: Condition; fields: FieldInfo[]; tags: TagInfo[]; onChange(c: Condition): void; onRemove(): void };

const SUBJECTS = [
  { value: 'status', label: 'Status' },
  { value: 'email', label: 'Email' },
  { value: 'created', label: 'Subscribed on' },
  { value: 'time_zone', label: 'Time zone' },
  { value: 'tags', label: 'Tags' },
  { value: 'engagement', label: 'Engagement' },
];

const subjectOf = (c: Condition) => (c.type === 'field' ? `field:${c.field}` : c.type);

// A new condition of the chosen kind, with its first operator.
const fresh = (subject: string, fields: FieldInfo[]): Condition => {
  if (subject.startsWith('field:')) {
    const field = fields.find((f) => `field:${f.key}` === subject);
    return { type: 'field', field: field?.key ?? '', operator: OPERATORS[field?.type ?? 'text'][0] };
  }
  if (subject === 'tags') return { type: 'tags', operator: 'has_any', tagIds: [] };
  if (subject === 'engagement') return { type: 'engagement', action: 'opened', withinDays: 30 };
  const type = subject as 'status' | 'email' | 'created' | 'time_zone';
  return { type, operator: OPERATORS[type][0], value: type === 'status' ? 'active' : undefined };
};

export const ConditionRow = ({ condition, fields, tags, onChange, onRemove }: Props) => {
  const field = condition.type === 'field' ? fields.find((f) => f.key === condition.field) : undefined;
  const kind = condition.type === 'field' ? (field?.type ?? 'text') : condition.type === 'engagement' ? 'status' : condition.type;
  return (
    <Flex gap={2} wrap="wrap" alignItems="center">
      <SingleSelect
        aria-label="Condition on"
        value={subjectOf(condition)}
        onChange={(v: string | number) => onChange(fresh(String(v), fields))}
      >
        {SUBJECTS.map((s) => (
          <SingleSelectOption key={s.value} value={s.value}>
            {s.label}
          </SingleSelectOption>
        ))}
        {fields.map((f) => (
          <SingleSelectOption key={f.key} value={`field:${f.key}`}>
            {f.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      {condition.type === 'engagement' ? (
        <>
          <Checkbox
            aria-label="Did not"
            checked={Boolean(condition.negate)}
            onCheckedChange={(v: boolean) => onChange({ ...condition, negate: v })}
          >
            did not
          </Checkbox>
          <SingleSelect
            aria-label="Action"
            value={condition.action}
            onChange={(v: string | number) => onChange({ ...condition, action: v as 'opened' })}
          >
            {['received', 'opened', 'clicked'].map((a) => (
              <SingleSelectOption key={a} value={a}>
                {a}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <TextInput
            aria-label="Campaign (empty for any)"
            placeholder="any campaign"
            value={condition.campaignId ?? ''}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...condition, campaignId: e.target.value || undefined })}
          />
          <NumberInput
            aria-label="At least N times"
            value={condition.minCount ?? 1}
            onValueChange={(v: number | undefined) => onChange({ ...condition, minCount: v })}
          />
          <NumberInput
            aria-label="Within the last N days (empty for ever)"
            value={condition.withinDays}
            onValueChange={(v: number | undefined) => onChange({ ...condition, withinDays: v })}
          />
        </>
      ) : (
        <>
          <SingleSelect
            aria-label="Operator"
            value={condition.operator}
            onChange={(v: string | number) => onChange({ ...condition, operator: String(v) } as Condition)}
          >
            {OPERATORS[kind].map((o) => (
              <SingleSelectOption key={o} value={o}>
                {OPERATOR_LABELS[o]}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          {condition.type === 'tags' ? (
            <SingleSelect
              aria-label="Tag"
              value={condition.tagIds[0] ?? ''}
              onChange={(v: string | number) => onChange({ ...condition, tagIds: [Number(v)] })}
            >
              {tags.map((t) => (
                <SingleSelectOption key={t.id} value={t.id}>
                  {t.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          ) : (
            <ValueInput
              kind={kind === 'tags' ? 'text' : kind}
              operator={condition.operator}
              value={condition.value}
              options={field?.options}
              onChange={(value) => onChange({ ...condition, value } as Condition)}
            />
          )}
        </>
      )}
      <IconButton label="Remove condition" onClick={onRemove} variant="ghost">
        <Trash />
      </IconButton>
    </Flex>
  );
};
