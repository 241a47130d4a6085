// Event patterns: an exact type ("subscriber.created"), a prefix ("subscriber.*") or everything ("*").
export const matchesEventType = (pattern: string, type: string): boolean => {
  if (pattern === '*' || pattern === type) return true;
  return pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1));
};

export const matchesAny = (patterns: readonly string[], type: string): boolean => patterns.some((p) => matchesEventType(p, type));

// Stable small hash so a subject always lands in the same dispatch partition.
export const partitionOf = (subject: string, partitions: number): number => {
  let h = 2166136261;
  for (let i = 0; i < subject.length; i++) {
    h ^= subject.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % partitions;
};
