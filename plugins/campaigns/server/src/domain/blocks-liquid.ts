import { walkBlocks, type BlockPath, type TemplateBody } from './blocks';
import { checkLiquid } from './liquid';
import { knownVariables } from './liquid-context';

export interface BlockIssue {
  path: BlockPath;
  message: string;
}

const SKIPPED_KEYS = new Set(['id', 'type', 'showIf', 'columns']);

// Every piece of text a block carries (not its id, type, condition or child blocks), with its path.
function* textsOf(value: unknown, path: BlockPath): Generator<{ text: string; path: BlockPath }> {
  if (typeof value === 'string') yield { text: value, path };
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* textsOf(item, [...path, i]);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (!SKIPPED_KEYS.has(key)) yield* textsOf(item, [...path, key]);
  }
}

// What the schema cannot know: Liquid syntax and variables in every text, and custom fields in
// conditions, checked against the custom field definitions. Reported with the path of the text.
export const checkBlocksLiquid = (body: TemplateBody, fieldKeys: string[]): BlockIssue[] => {
  const known = knownVariables(fieldKeys);
  const issues: BlockIssue[] = [];
  for (const { block, path } of walkBlocks(body.blocks)) {
    const condition = block.showIf;
    if (condition?.type === 'field' && condition.field.startsWith('fields.') && !fieldKeys.includes(condition.field.slice(7))) {
      issues.push({ path: [...path, 'showIf', 'field'], message: `no custom field "${condition.field.slice(7)}"` });
    }
    for (const { text, path: textPath } of textsOf(block, path)) {
      for (const issue of checkLiquid(text, known)) {
        issues.push({ path: textPath, message: `${issue.message} (line ${issue.line}, column ${issue.column})` });
      }
    }
  }
  return issues;
};
