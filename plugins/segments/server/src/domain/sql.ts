// SQL fragments that carry their own bindings. Text comes only from template literals in this code
// and from quoted identifiers; every interpolated value becomes a `?` binding (knex raw style).
// The class is private to this module, so a value from a rule tree can never pose as a fragment.
class Fragment {
  constructor(
    readonly text: string,
    readonly bindings: readonly unknown[]
  ) {}
}

export type Sql = Fragment;

export const sql = (strings: TemplateStringsArray, ...values: unknown[]): Sql => {
  let text = strings[0];
  const bindings: unknown[] = [];
  values.forEach((value, i) => {
    if (value instanceof Fragment) {
      text += value.text;
      bindings.push(...value.bindings);
    } else {
      text += '?';
      bindings.push(value);
    }
    text += strings[i + 1];
  });
  return new Fragment(text, bindings);
};

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

// A column or other single identifier, optionally behind an alias: ident('s', 'email') -> s."email".
export const ident = (alias: string | null, name: string): Sql => new Fragment(alias ? `${alias}.${quote(name)}` : quote(name), []);

// A table name, which may be schema-qualified ("herald.subscribers").
export const table = (name: string): Sql => new Fragment(name.split('.').map(quote).join('.'), []);

export const join = (parts: readonly unknown[], separator: ', ' | ' AND ' | ' OR ' | ' UNION '): Sql =>
  parts.reduce<Sql>((acc, part, i) => (i === 0 ? sql`${part}` : sql`${acc}${new Fragment(separator, [])}${part}`), sql``);

export const TRUE = sql`TRUE`;
export const FALSE = sql`FALSE`;

// Makes user text literal inside a LIKE pattern (used with ESCAPE '\').
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, '\\$&');
