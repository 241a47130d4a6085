import { BadQuery } from '../../../../../types/shared/query';

type Query = Record<string, unknown>;

type Ctx = {
  query: Query;
  params: Record<string, unknown>;
  badRequest(message: string): void;
  notFound(message: string): void;
  body: unknown;
};

// Runs an admin handler, turning BadQuery into a 400 and a missing record into a 404.
export const handle =
  (fn: (ctx: Ctx) => Promise<unknown>, notFound = 'not found') =>
  async (ctx: Ctx) => {
    try {
      const body = await fn(ctx);
      if (body === null || body === undefined) return ctx.notFound(notFound);
      ctx.body = body;
    } catch (err) {
      if (err instanceof BadQuery) return ctx.badRequest(err.message);
      throw err;
    }
  };
