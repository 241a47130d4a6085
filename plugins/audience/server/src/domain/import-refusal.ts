// Why a request about an import cannot be carried out, and so which 4xx answers it.
export class ImportRefusal extends Error {
  constructor(
    readonly kind: 'invalid' | 'not-found' | 'conflict',
    message: string,
    readonly problems: string[] = []
  ) {
    super(message);
  }
}
