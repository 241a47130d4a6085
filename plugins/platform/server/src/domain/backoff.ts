// Exponential backoff with full jitter, capped: spreads retries so a recovering receiver is not stampeded.
export const backoffDelay = (attempt: number, baseMs: number, capMs = 6 * 60 * 60 * 1000, random = Math.random): number => {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
};
