// Why a request cannot be carried out, and so which 4xx answers it (controllers/refusals.ts).
export class Refusal extends Error {
  constructor(
    readonly kind: 'invalid' | 'not-found' | 'conflict',
    message: string
  ) {
    super(message);
  }
}
