import { Readable, pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { Delimiter, Encoding } from './csv-detect';

export type CsvRecord = { row: number; cells: string[] } | { row: number; error: string };

// Longest field the parser buffers: an unclosed quote must not pull the rest of a large file into memory.
const MAX_FIELD_CHARS = 64 * 1024;

// Resolves once the stream has more to read, has ended or was destroyed; rejects when it fails.
const readable = (stream: Readable) =>
  new Promise<void>((resolve, reject) => {
    const settle = (err?: Error) => {
      stream.off('readable', go).off('end', go).off('close', go).off('error', settle);
      if (err) reject(err);
      else resolve();
    };
    const go = () => settle();
    stream.on('readable', go).on('end', go).on('close', go).on('error', settle);
  });

// Streams a CSV file as records numbered like spreadsheet rows (the header is row 1), decoding and
// dropping a byte order mark on the way. Memory stays flat whatever the file size. A record the
// parser cannot read (an unclosed quote, an over-long field) comes out as an error in its place.
// Records come in batches of whatever the parser has ready: one await per record would cost more
// than parsing it.
export async function* csvRecordBatches(
  source: AsyncIterable<Buffer>,
  { encoding, delimiter }: { encoding: Encoding; delimiter: Delimiter }
): AsyncGenerator<CsvRecord[]> {
  // The parser reports a skipped record while parsing ahead of us; remember how many good records
  // preceded it so it is numbered in its place.
  const skipped: Array<{ after: number; error: string }> = [];
  const parser = parse({
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: MAX_FIELD_CHARS,
    on_skip: (err) => {
      skipped.push({ after: Number(err?.records ?? 0), error: err?.message ?? 'could not be read as CSV' });
      return undefined;
    },
  });
  pipeline(Readable.from(source), iconv.decodeStream(encoding, { stripBOM: true }), parser, () => {
    // Errors surface below, through the parser that pipeline destroys with them.
  });
  let good = 0;
  let row = 0;
  try {
    for (;;) {
      const batch: CsvRecord[] = [];
      let cells: string[] | null;
      while ((cells = parser.read()) !== null) {
        while (skipped.length && skipped[0].after <= good) batch.push({ row: ++row, error: skipped.shift()!.error });
        good++;
        batch.push({ row: ++row, cells });
      }
      if (batch.length) yield batch;
      if (parser.readableEnded || parser.destroyed) break;
      await readable(parser);
    }
    if (parser.errored) throw parser.errored;
    if (skipped.length) yield skipped.map((s) => ({ row: ++row, error: s.error }));
  } finally {
    parser.destroy();
  }
}
