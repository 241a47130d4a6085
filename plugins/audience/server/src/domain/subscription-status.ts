// Where a form submission takes a subscriber. Double opt-in keeps a new (or returning) address
// unconfirmed until its owner presses the button in the confirmation mail. Bounced, complained and
// blocked addresses are never revived by a public form.
export const statusAfterSubmission = (current: string | null, doubleOptIn: boolean): string => {
  if (current === 'active') return 'active';
  if (current === null || current === 'unconfirmed' || current === 'unsubscribed') return doubleOptIn ? 'unconfirmed' : 'active';
  return current;
};

// Statuses a person can unsubscribe from (the others already receive nothing).
export const canUnsubscribe = (status: string): boolean => status === 'active' || status === 'unconfirmed';
