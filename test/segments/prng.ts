// A small seeded PRNG (mulberry32), so a failing random run can be replayed from its seed.
export interface Random {
  next(): number; // [0, 1)
  int(min: number, max: number): number; // inclusive
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  subset<T>(items: readonly T[], min?: number): T[];
}

export const seededRandom = (seed: number): Random => {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick,
    subset: <T>(items: readonly T[], min = 0): T[] => {
      const chosen = items.filter(() => next() < 0.4);
      return chosen.length >= min ? chosen : [pick(items)];
    },
  };
};
