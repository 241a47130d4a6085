// Which recipients of a claimed group share Mailgun batch calls, and which get a call each.
//  - Alone: a recipient whose values mention %recipient (a subscriber's own data can). Mailgun does
//    not document whether it substitutes inside substituted values; a single call carries no
//    recipient-variables, so there is nothing to substitute.
//  - Batches: consecutive recipients while the call's recipient-variables stay under a budget.
//    Rendered blocks make values large (a whole "show only if" section per recipient) and Mailgun
//    refuses messages over 25 MB; the budget counts UTF-16 units, so even text in three-byte UTF-8
//    stays far below that, shared parts included.
export const RECIPIENT_VARIABLES_BUDGET = 4 * 1024 * 1024;
// Per recipient besides its content values: address, ids and link in headers, JSON punctuation.
const PER_RECIPIENT_BYTES = 512;
const RESUBSTITUTABLE = /%recipient/i;

export interface Batches<T> {
  batches: T[][];
  alone: T[];
}

export const splitBatches = <T extends { variables: Record<string, string> }>(
  people: T[],
  budget = RECIPIENT_VARIABLES_BUDGET
): Batches<T> => {
  const out: Batches<T> = { batches: [], alone: [] };
  let current: T[] = [];
  let size = 0;
  for (const person of people) {
    let bytes = PER_RECIPIENT_BYTES;
    let resubstitutable = false;
    for (const name in person.variables) {
      const value = person.variables[name];
      bytes += name.length + value.length;
      if (value.includes('%') && RESUBSTITUTABLE.test(value)) resubstitutable = true;
    }
    if (resubstitutable) {
      out.alone.push(person);
      continue;
    }
    if (current.length > 0 && size + bytes > budget) {
      out.batches.push(current);
      current = [];
      size = 0;
    }
    current.push(person);
    size += bytes;
  }
  if (current.length > 0) out.batches.push(current);
  return out;
};
