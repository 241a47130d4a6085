// The variables a template may use, filled per recipient at send time (and per preview). This is
// the contract between template rendering (which leaves Liquid in) and the send pipeline.
export interface LiquidContext {
  subscriber: {
    email: string;
    first_name: string | null;
    last_name: string | null;
    status: string;
    time_zone: string | null;
    language: string | null;
    created_at: string;
    /** Tag names. */
    tags: string[];
    /** Custom field values by field key. */
    fields: Record<string, unknown>;
  };
  /** documentIds of the segments referenced by the template's block conditions that the subscriber is in. */
  segments: string[];
  campaign: { name: string; subject: string };
  links: { unsubscribe: string; preferences: string };
  sender: { name: string; address: string; postal_address: string };
}

type Shape = { [key: string]: Shape | true };

// Every known variable path; `true` marks a value (a further .size/.first/.last or index is fine).
// `subscriber.fields.<key>` is added per custom field definition (see knownVariables).
const BASE_SHAPE = {
  subscriber: {
    email: true,
    first_name: true,
    last_name: true,
    status: true,
    time_zone: true,
    language: true,
    created_at: true,
    tags: true,
    fields: {},
  },
  segments: true,
  campaign: { name: true, subject: true },
  links: { unsubscribe: true, preferences: true },
  sender: { name: true, address: true, postal_address: true },
} satisfies Shape;

export type KnownVariables = Shape;

export const knownVariables = (fieldKeys: string[]): KnownVariables => ({
  ...BASE_SHAPE,
  subscriber: { ...BASE_SHAPE.subscriber, fields: Object.fromEntries(fieldKeys.map((key) => [key, true])) },
});

const VALUE_ACCESSORS = new Set(['size', 'first', 'last']);

// Whether a variable path (as liquidjs' static analysis reports it) names something in the context.
// A dynamic segment (a[b], reported as an object) cannot be checked statically: what precedes it must be known.
export const isKnownVariable = (segments: ReadonlyArray<string | number | object>, known: KnownVariables): boolean => {
  let node: Shape | true = known;
  for (const [i, segment] of segments.entries()) {
    if (typeof segment === 'object') return true;
    if (node === true) return segments.slice(i).every((s) => typeof s !== 'string' || VALUE_ACCESSORS.has(s));
    if (typeof segment !== 'string' || !Object.hasOwn(node, segment)) return false;
    node = node[segment];
  }
  return node === true;
};
