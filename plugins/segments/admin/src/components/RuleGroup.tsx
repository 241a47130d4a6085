import { Box, Button, Flex, IconButton, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { ConditionRow } from './ConditionRow';
import { defaultCondition, emptyGroup, type FieldInfo, type Group, type Match, type RuleNode, type TagInfo } from './rules';

type Props = { group: Group; fields: FieldInfo[]; tags: TagInfo[]; depth: number; onChange(g: Group): void; onRemove?: () => void };

const MATCH_LABELS: Record<Match, string> = { all: 'all of', any: 'any of', none: 'none of' };

// One AND/OR/NOT group, holding conditions and nested groups.
export const RuleGroup = ({ group, fields, tags, depth, onChange, onRemove }: Props) => {
  const replace = (i: number, node: RuleNode | null) =>
    onChange({ ...group, children: node ? group.children.map((c, j) => (j === i ? node : c)) : group.children.filter((_, j) => j !== i) });
  return (
    <Box
      padding={4}
      hasRadius
      borderColor="neutral200"
      background={depth % 2 ? 'neutral100' : 'neutral0'}
      role="group"
      aria-label={`Group matching ${MATCH_LABELS[group.match]} its rules`}
    >
      <Flex gap={2} alignItems="center" paddingBottom={3}>
        <Typography>Subscribers matching</Typography>
        <SingleSelect aria-label="Match" value={group.match} onChange={(v: string | number) => onChange({ ...group, match: v as Match })}>
          {(Object.keys(MATCH_LABELS) as Match[]).map((m) => (
            <SingleSelectOption key={m} value={m}>
              {MATCH_LABELS[m]}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Typography>these rules</Typography>
        {onRemove && (
          <IconButton label="Remove group" onClick={onRemove} variant="ghost">
            <Trash />
          </IconButton>
        )}
      </Flex>
      <Flex direction="column" alignItems="stretch" gap={3}>
        {group.children.map((child, i) =>
          child.type === 'group' ? (
            <RuleGroup
              key={i}
              group={child}
              fields={fields}
              tags={tags}
              depth={depth + 1}
              onChange={(g) => replace(i, g)}
              onRemove={() => replace(i, null)}
            />
          ) : (
            <ConditionRow
              key={i}
              condition={child}
              fields={fields}
              tags={tags}
              onChange={(c) => replace(i, c)}
              onRemove={() => replace(i, null)}
            />
          )
        )}
      </Flex>
      <Flex gap={2} paddingTop={3}>
        <Button
          variant="secondary"
          startIcon={<Plus />}
          onClick={() => onChange({ ...group, children: [...group.children, defaultCondition()] })}
        >
          Add condition
        </Button>
        <Button variant="tertiary" startIcon={<Plus />} onClick={() => onChange({ ...group, children: [...group.children, emptyGroup()] })}>
          Add group
        </Button>
      </Flex>
    </Box>
  );
};
