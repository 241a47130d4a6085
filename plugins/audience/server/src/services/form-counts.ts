import type { Core } from '@strapi/strapi';
import { addCounts, readCounts, type CountIncrements, type FormCounter, type FormCounts } from '../repositories/form-counts';

const FLUSH_MS = 1000;
const zero = (): FormCounts => ({ views: 0, submissions: 0, confirmations: 0 });

// Views, submissions and confirmations per form. Public hits only bump a counter in memory; a timer
// adds them to herald_form_counts in one UPSERT, so a busy form page costs one write a second.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let pending: CountIncrements = new Map();
  let timer: NodeJS.Timeout | undefined;

  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = new Map();
    try {
      await addCounts(strapi.db.connection, batch);
    } catch (err) {
      strapi.log.warn(`[audience] form counts not saved, keeping them for the next flush: ${(err as Error).message}`);
      for (const [id, counts] of batch) for (const c of Object.keys(counts) as FormCounter[]) add(id, c, counts[c]);
    }
  };

  const add = (formDocumentId: string, counter: FormCounter, by = 1) => {
    const counts = pending.get(formDocumentId) ?? zero();
    counts[counter] += by;
    pending.set(formDocumentId, counts);
    timer ??= setTimeout(() => void flush(), FLUSH_MS).unref();
  };

  return {
    count: (formDocumentId: string, counter: FormCounter) => add(formDocumentId, counter),
    flush,
    async of(formDocumentIds: string[]): Promise<Map<string, FormCounts>> {
      await flush();
      const stored = await readCounts(strapi.db.connection, formDocumentIds);
      return new Map(formDocumentIds.map((id) => [id, stored.get(id) ?? zero()]));
    },
  };
};
