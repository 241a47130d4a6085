import { Box, Flex, IconButton, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp, Trash } from '@strapi/icons';
import { BLOCK_LABELS, move, newBlock, type Block, type BlockType } from './blocks';
import { BlockFields } from './BlockFields';
import { ConditionEditor } from './ConditionEditor';
import type { BlockErrors } from './errors';

type Props = { blocks: Block[]; errors: BlockErrors; nested?: boolean; onChange(blocks: Block[]): void };

const TYPES = Object.keys(BLOCK_LABELS) as BlockType[];

// Dropping a column keeps its blocks by moving them into the last remaining one.
const resize = (columns: Block[][], count: number): Block[][] =>
  count > columns.length
    ? [...columns, ...Array.from({ length: count - columns.length }, () => [])]
    : [...columns.slice(0, count - 1), columns.slice(count - 1).flat()];

// The blocks of a template (or of one column): add, reorder, edit, remove. Each block shows the
// server's validation errors for it.
export const BlockList = ({ blocks, errors, nested = false, onChange }: Props) => {
  const update = (i: number, block: Block) => onChange(blocks.map((b, n) => (n === i ? block : b)));
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {blocks.map((block, i) => (
        <Box
          key={block.id}
          padding={3}
          hasRadius
          borderColor={errors[block.id] ? 'danger600' : 'neutral200'}
          background="neutral0"
          data-block={block.type}
        >
          <Flex justifyContent="space-between" paddingBottom={2}>
            <Typography variant="omega" fontWeight="bold">
              {BLOCK_LABELS[block.type]}
            </Typography>
            <Flex gap={1}>
              <IconButton label="Move up" onClick={() => onChange(move(blocks, i, i - 1))} disabled={i === 0}>
                <ArrowUp />
              </IconButton>
              <IconButton label="Move down" onClick={() => onChange(move(blocks, i, i + 1))} disabled={i === blocks.length - 1}>
                <ArrowDown />
              </IconButton>
              <IconButton label="Remove block" onClick={() => onChange(blocks.filter((_, n) => n !== i))}>
                <Trash />
              </IconButton>
            </Flex>
          </Flex>
          <Flex direction="column" alignItems="stretch" gap={2}>
            {block.type === 'columns' ? (
              <Flex gap={2} alignItems="start">
                <SingleSelect
                  aria-label="Number of columns"
                  value={String(block.columns.length)}
                  onChange={(v: string | number) => update(i, { ...block, columns: resize(block.columns, Number(v)) })}
                >
                  <SingleSelectOption value="2">2 columns</SingleSelectOption>
                  <SingleSelectOption value="3">3 columns</SingleSelectOption>
                </SingleSelect>
                {block.columns.map((column, c) => (
                  <Box key={c} flex="1">
                    <BlockList
                      nested
                      blocks={column}
                      errors={errors}
                      onChange={(next) => update(i, { ...block, columns: block.columns.map((col, n) => (n === c ? next : col)) })}
                    />
                  </Box>
                ))}
              </Flex>
            ) : (
              <BlockFields block={block} onChange={(next) => update(i, next)} />
            )}
            <ConditionEditor condition={block.showIf} onChange={(showIf) => update(i, { ...block, showIf })} />
            {errors[block.id]?.map((message) => (
              <Typography key={message} textColor="danger600" variant="pi" role="alert">
                {message}
              </Typography>
            ))}
          </Flex>
        </Box>
      ))}
      <SingleSelect
        aria-label={nested ? 'Add block to column' : 'Add block'}
        placeholder={nested ? 'Add to column…' : 'Add block…'}
        value=""
        onChange={(v: string | number) => onChange([...blocks, newBlock(v as BlockType)])}
      >
        {TYPES.filter((t) => !(nested && t === 'columns')).map((t) => (
          <SingleSelectOption key={t} value={t}>
            {BLOCK_LABELS[t]}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Flex>
  );
};
