import busboy from 'busboy';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { readBody } from '../http';

/** Mailgun's message size cap; also lifts busboy's 1 MB default, which would truncate a big batch's recipient-variables. */
const MAX_FIELD_BYTES = 25 * 1024 * 1024;

export interface FormFile {
  /** 'attachment' or 'inline'. */
  field: string;
  filename: string;
  contentType: string;
  size: number;
  /** Only kept when bodies are recorded. */
  data?: Buffer;
}

export interface ParsedForm {
  /** In wire order; repeated names (to, o:tag, ...) appear once per value. */
  fields: Array<[name: string, value: string]>;
  files: FormFile[];
}

/** The request was not a well-formed form; answered as 400 like Mailgun does. */
export class FormError extends Error {}

/** Parses multipart/form-data (what mailgun.js sends) or x-www-form-urlencoded (what curl -d sends). */
export async function parseForm(req: IncomingMessage, keepFileData: boolean): Promise<ParsedForm> {
  const body = await readBody(req);
  const fields = parseTextOnlyMultipart(req.headers['content-type'] ?? '', body);
  return fields ? { fields, files: [] } : parseWithBusboy(req.headers, body, keepFileData);
}

const SIMPLE_PART_HEADER = /^Content-Disposition: form-data; name="([^"]*)"$/i;

/**
 * Fast path for the common case, a batch of text fields exactly as the form-data package writes them.
 * busboy spends ~6 ms on a 1,000-recipient form (its per-part header parsing), which alone would eat
 * most of a core at the benchmark's 100 batches/s; scanning for the boundary with Buffer.indexOf takes
 * under 1 ms. Returns undefined for anything else (files, urlencoded, unusual part headers, malformed
 * bodies) so busboy handles it and reports errors.
 */
function parseTextOnlyMultipart(contentType: string, body: Buffer): ParsedForm['fields'] | undefined {
  const boundary = /^multipart\/form-data;\s*boundary=([^\s;"]+)$/i.exec(contentType)?.[1];
  if (!boundary || !body.subarray(0, boundary.length + 2).equals(Buffer.from(`--${boundary}`))) return undefined;
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const fields: ParsedForm['fields'] = [];
  let pos = boundary.length + 2; // just after the opening "--boundary"
  for (;;) {
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return fields; // closing "--boundary--"
    if (body[pos] !== 0x0d || body[pos + 1] !== 0x0a) return undefined;
    const headerEnd = body.indexOf('\r\n\r\n', pos + 2);
    if (headerEnd < 0) return undefined;
    const name = SIMPLE_PART_HEADER.exec(body.toString('latin1', pos + 2, headerEnd))?.[1];
    const next = body.indexOf(delimiter, headerEnd + 4);
    if (name === undefined || next < 0) return undefined;
    fields.push([name, body.toString('utf8', headerEnd + 4, next)]);
    pos = next + delimiter.length;
  }
}

function parseWithBusboy(headers: IncomingHttpHeaders, body: Buffer, keepFileData: boolean): Promise<ParsedForm> {
  return new Promise((resolve, reject) => {
    let parser: ReturnType<typeof busboy>;
    try {
      parser = busboy({ headers, limits: { fieldSize: MAX_FIELD_BYTES } });
    } catch (err) {
      reject(new FormError(err instanceof Error ? err.message : String(err))); // missing or unsupported content-type
      return;
    }
    const form: ParsedForm = { fields: [], files: [] };
    let oversized: string | undefined;
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) oversized = name;
      form.fields.push([name, value]);
    });
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (keepFileData) chunks.push(chunk);
      });
      stream.on('end', () => {
        const file: FormFile = { field, filename: info.filename ?? '', contentType: info.mimeType, size };
        if (keepFileData) file.data = Buffer.concat(chunks);
        form.files.push(file);
      });
    });
    parser.on('error', (err: unknown) => reject(new FormError(err instanceof Error ? err.message : String(err))));
    // busboy closes only after every file stream has ended, so all parts are in `form` here.
    parser.on('close', () => {
      if (oversized === undefined) resolve(form);
      else reject(new FormError(`'${oversized}' parameter exceeds ${MAX_FIELD_BYTES} bytes`));
    });
    parser.end(body);
  });
}
