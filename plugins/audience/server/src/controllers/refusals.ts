import { Refusal } from '../domain/refusal';

type Ctx = {
  status: number;
  body: unknown;
  badRequest(message: string, details?: object): void;
  notFound(message: string): void;
  conflict(message: string): void;
};

// Runs a handler, answering a Refusal with its 4xx and message. status: fixed, or read from the result.
export const answering =
  <C extends Ctx, B>(fn: (ctx: C) => Promise<B>, status: number | ((body: B) => number) = 200) =>
  async (ctx: C) => {
    try {
      const body = await fn(ctx);
      ctx.status = typeof status === 'function' ? status(body) : status;
      ctx.body = body;
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      if (err.kind === 'not-found') return ctx.notFound(err.message);
      if (err.kind === 'conflict') return ctx.conflict(err.message);
      return ctx.badRequest(err.message, err.problems.length ? { problems: err.problems } : {});
    }
  };
