// The signup form embed script is meant to be loaded by other websites, which helmet's default
// Cross-Origin-Resource-Policy (same-origin) would forbid. Only this file is opened up.
export const EMBED_SCRIPT = '/herald-form.js';

export default () => async (ctx: { path: string; set(name: string, value: string): void }, next: () => Promise<void>) => {
  await next();
  if (ctx.path === EMBED_SCRIPT) ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
};
