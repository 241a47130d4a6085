import { z } from 'zod';
import { fieldProperty, isDefinedField, type FieldDefinitions } from './custom-fields';
import { MAX_DAYS, wholeNumber } from './operators/values';
import { builtInProperties, type BuiltInProperty, type Property } from './properties';

export type { FieldDefinitions, FieldType } from './custom-fields';

export const MAX_DEPTH = 10;
export const MAX_NODES = 500;
export const DEFAULT_MIN_COUNT = 1;

type Path = Array<string | number>;
interface Issue {
  path: Path;
  message: string;
}

const pathOf = (keys: readonly PropertyKey[]): Path => keys.map((key) => (typeof key === 'number' ? key : String(key)));

// The operator exists for the property and the value suits the operator. Shared by built-in
// properties (checked in the schema) and custom fields (checked against their definitions).
const conditionIssue = (property: Property, subject: string, node: { operator: string; value?: unknown }): Issue | undefined => {
  if (!Object.hasOwn(property.operators, node.operator)) {
    const known = Object.keys(property.operators).join(', ');
    return { path: ['operator'], message: `"${node.operator}" does not apply to ${subject}; use one of: ${known}` };
  }
  const parsed = property.operators[node.operator].value.safeParse(node.value);
  if (parsed.success) return undefined;
  const [first] = parsed.error.issues;
  return { path: ['value', ...pathOf(first.path)], message: first.message };
};

const operator = z.string({ error: 'operator is missing' });

const builtInCondition = <T extends BuiltInProperty>(type: T) =>
  z.strictObject({ type: z.literal(type), operator, value: z.unknown().optional() }).superRefine((node, ctx) => {
    const issue = conditionIssue(builtInProperties[type], type.replace('_', ' '), node);
    if (issue) ctx.addIssue({ code: 'custom', ...issue });
  });

const id = (message: string) => wholeNumber(1, Number.MAX_SAFE_INTEGER, message);

// The node kinds. Adding one means a schema here, a compiler in compile.ts and an evaluator in
// evaluate.ts; their records are typed by this union, so a missing entry does not compile.
const nodeSchemas = [
  // Custom fields are checked against their definitions in validateRules.
  z.strictObject({
    type: z.literal('field'),
    field: z.string({ error: 'field must be a field key' }).min(1, 'field must be a field key'),
    operator,
    value: z.unknown().optional(),
  }),
  builtInCondition('email'),
  builtInCondition('status'),
  builtInCondition('created'),
  builtInCondition('time_zone'),
  z.strictObject({
    type: z.literal('tags'),
    operator: z.enum(['has_any', 'has_all', 'has_none']),
    tagIds: z
      .array(id('tagIds must hold tag ids'), { error: 'tagIds must be a list of tag ids' })
      .min(1, 'tagIds must list at least one tag')
      .max(1000, 'tagIds may list at most 1000 tags'),
  }),
  z.strictObject({
    type: z.literal('engagement'),
    action: z.enum(['received', 'opened', 'clicked']),
    negate: z.boolean().optional(), // "did not open"
    // A campaign's documentId, as engagement events carry it; absent: any campaign.
    campaignId: z
      .string({ error: 'campaignId must be a campaign documentId' })
      .trim()
      .min(1, { error: 'campaignId must be a campaign documentId' })
      .max(64, { error: 'campaignId must be a campaign documentId' })
      .optional(),
    minCount: id('minCount must be a whole number from 1').optional(),
    withinDays: wholeNumber(1, MAX_DAYS, `withinDays must be a whole number of days from 1 to ${MAX_DAYS}`).optional(), // absent: ever
  }),
] as const;

type LeafNode = z.infer<(typeof nodeSchemas)[number]>;

// An empty group: `all` and `none` match everyone, `any` matches no one.
export interface GroupNode {
  type: 'group';
  match: 'all' | 'any' | 'none';
  children: SegmentNode[];
}

export type SegmentNode = GroupNode | LeafNode;
export type SegmentRules = SegmentNode;
export type NodeType = SegmentNode['type'];
export type NodeOf<T extends NodeType> = Extract<SegmentNode, { type: T }>;

const groupSchema = z.strictObject({
  type: z.literal('group'),
  match: z.enum(['all', 'any', 'none']),
  children: z.array(
    z.lazy(() => segmentRuleSchema),
    { error: 'children must be a list of rules' }
  ),
});

const NODE_TYPES = [groupSchema, ...nodeSchemas].map((schema) => schema.shape.type.value).join(', ');

// The shape of a rule tree. Custom field conditions need the field definitions: use validateRules.
export const segmentRuleSchema: z.ZodType<SegmentNode> = z.discriminatedUnion('type', [groupSchema, ...nodeSchemas], {
  error: (issue) =>
    typeof issue.input === 'object' && issue.input !== null
      ? `unknown rule type; use one of: ${NODE_TYPES}`
      : 'each rule must be an object',
});

export type Validation = { ok: true; rules: SegmentRules } | { ok: false; path: Path; message: string };

// Checked before the schema so no input can recurse deeply or cost much.
const sizeIssue = (input: unknown): Issue | undefined => {
  let nodes = 0;
  const visit = (node: unknown, path: Path, depth: number): Issue | undefined => {
    if (depth > MAX_DEPTH) return { path, message: `rules nest too deep: at most ${MAX_DEPTH} levels` };
    if (++nodes > MAX_NODES) return { path, message: `too many rules: a segment holds at most ${MAX_NODES}` };
    const children = typeof node === 'object' && node !== null && 'children' in node && Array.isArray(node.children) ? node.children : [];
    for (const [i, child] of children.entries()) {
      const issue = visit(child, [...path, 'children', i], depth + 1);
      if (issue) return issue;
    }
    return undefined;
  };
  return visit(input, [], 1);
};

const fieldIssue = (node: SegmentNode, fields: FieldDefinitions, path: Path): Issue | undefined => {
  if (node.type === 'group') {
    for (const [i, child] of node.children.entries()) {
      const issue = fieldIssue(child, fields, [...path, 'children', i]);
      if (issue) return issue;
    }
  }
  if (node.type !== 'field') return undefined;
  if (!isDefinedField(fields, node.field)) return { path: [...path, 'field'], message: `unknown field "${node.field}"` };
  const issue = conditionIssue(fieldProperty(fields, node.field), `${fields[node.field].type} fields`, node);
  return issue && { path: [...path, ...issue.path], message: issue.message };
};

export const validateRules = (input: unknown, fields: FieldDefinitions): Validation => {
  const tooBig = sizeIssue(input);
  if (tooBig) return { ok: false, ...tooBig };
  const parsed = segmentRuleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, path: pathOf(parsed.error.issues[0].path), message: parsed.error.issues[0].message };
  const issue = fieldIssue(parsed.data, fields, []);
  return issue ? { ok: false, ...issue } : { ok: true, rules: parsed.data };
};
