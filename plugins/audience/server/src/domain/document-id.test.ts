import { newDocumentId } from './document-id';

describe('newDocumentId', () => {
  it("looks like Strapi's own document ids and does not repeat", () => {
    const ids = Array.from({ length: 2000 }, newDocumentId);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]{23}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts in the order the ids were made, within a millisecond and across time', async () => {
    const first = Array.from({ length: 500 }, newDocumentId);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = Array.from({ length: 500 }, newDocumentId);
    const ids = [...first, ...later];
    // Sorted by code point, as PostgreSQL's C and C.UTF-8 collations (and any collation, for [a-z0-9]) do.
    expect([...ids].sort()).toEqual(ids);
    expect(later[0].slice(0, 9) > first[0].slice(0, 9)).toBe(true);
  });

  it('starts with the time', () => {
    const before = Date.now();
    const id = newDocumentId();
    const ms = (id.charCodeAt(0) - 97) * 36 ** 8 + parseInt(id.slice(1, 9), 36);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });
});
