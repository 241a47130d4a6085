import { rm } from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { Refusal } from '../domain/refusal';
import type { Admin } from '../services/import';
import { answering } from './refusals';
import { BadQuery, pagingOf } from '../../../../../types/shared/query';

// What Strapi's body parser (formidable) leaves for an uploaded file.
type UploadedFile = { filepath: string; originalFilename?: string | null; size: number };

type Ctx = {
  params: { id?: string };
  query: Record<string, unknown>;
  request: { body?: unknown; files?: Record<string, UploadedFile | UploadedFile[]> };
  state: { user?: { id: number | string; email?: string } };
  status: number;
  body: unknown;
  type: string;
  attachment(fileName: string): void;
  badRequest(message: string, details?: object): void;
  notFound(message: string): void;
  conflict(message: string): void;
};

// Every import handler answers a Refusal with its 4xx (and the problems it lists).
const handle = <B>(fn: (ctx: Ctx) => Promise<B>, status = 200) => answering<Ctx, B>(fn, status);

const adminOf = (ctx: Ctx): Admin => ({ id: String(ctx.state.user?.id ?? ''), label: ctx.state.user?.email ?? null });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const imports = () => strapi.plugin('audience').service('import');
  const id = (ctx: Ctx) => String(ctx.params.id ?? '');

  return {
    // POST /imports, multipart with the file in the field "file".
    upload: handle(async (ctx) => {
      const uploaded = Object.values(ctx.request.files ?? {}).flat();
      try {
        const file = ctx.request.files?.file;
        if (!file || Array.isArray(file)) throw new Refusal('invalid', 'send one CSV file as the multipart field "file"');
        return await imports().upload(
          { filepath: file.filepath, name: file.originalFilename || 'import.csv', size: file.size },
          adminOf(ctx)
        );
      } finally {
        // Strapi only removes temporary files sent as "files"; ours go as soon as they are stored.
        await Promise.all(uploaded.map((f) => rm(f.filepath, { force: true })));
      }
    }, 201),

    list: handle(async (ctx) => {
      try {
        return await imports().list(pagingOf(ctx.query));
      } catch (err) {
        throw err instanceof BadQuery ? new Refusal('invalid', err.message) : err;
      }
    }),

    show: handle((ctx) => imports().show(id(ctx))),
    preview: handle((ctx) => imports().preview(id(ctx), ctx.query, adminOf(ctx))),
    start: handle((ctx) => imports().start(id(ctx), ctx.request.body), 202),
    cancel: handle((ctx) => imports().cancel(id(ctx))),

    errors: handle(async (ctx) => {
      const report = await imports().errorReport(id(ctx));
      ctx.attachment(report.fileName);
      ctx.type = 'text/csv; charset=utf-8';
      return report.body;
    }),
  };
};
