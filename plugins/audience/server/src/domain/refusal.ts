// Why a request cannot be carried out, and so which 4xx answers it (controllers/refusals.ts), with
// the individual problems when there are several (an import's mapping, say).
export class Refusal extends Error {
  constructor(
    readonly kind: 'invalid' | 'not-found' | 'conflict',
    message: string,
    readonly problems: string[] = []
  ) {
    super(message);
  }
}
