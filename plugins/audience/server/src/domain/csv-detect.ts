import { parse } from 'csv-parse/sync';

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'latin1'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

// How much of the file detection and previews look at.
export const SAMPLE_BYTES = 64 * 1024;

const BOMS: Array<{ bytes: number[]; encoding: Encoding }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

const isUtf8 = (sample: Buffer, truncated: boolean): boolean => {
  try {
    // stream: tolerates a character cut in half where the sample stops short of the file's end.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: truncated });
    return true;
  } catch {
    return false;
  }
};

// A byte order mark decides; otherwise strict UTF-8; otherwise a single-byte Western encoding.
// ISO-8859-1 and Windows-1252 differ only at 0x80-0x9F, which Windows-1252 (what spreadsheet
// programs write) uses for printable characters such as € and curly quotes. `truncated`: the
// sample is the start of a longer file.
export const detectEncoding = (sample: Buffer, truncated = false): { encoding: Encoding; bom: boolean } => {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => sample[i] === byte));
  if (bom) return { encoding: bom.encoding, bom: true };
  if (isUtf8(sample, truncated)) return { encoding: 'utf-8', bom: false };
  return { encoding: sample.some((byte) => byte >= 0x80 && byte <= 0x9f) ? 'windows-1252' : 'latin1', bom: false };
};

// Text files have no NUL characters; spreadsheets saved as .xlsx, images and the like do.
export const looksBinary = (text: string): boolean => text.includes('\u0000');

const LINES_TO_CHECK = 20;

// The delimiter that splits the header into the most columns and the next lines into as many, so a
// comma inside a ;-separated file's cells does not fool it. Quote-aware: the CSV parser does the
// splitting. A one-column file has no delimiter to find; it reads as comma-separated.
export const detectDelimiter = (text: string): Delimiter => {
  const complete = text.includes('\n') ? text.slice(0, text.lastIndexOf('\n')) : text;
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const rows: string[][] = parse(complete, {
      delimiter,
      to_line: LINES_TO_CHECK,
      relax_quotes: true,
      relax_column_count: true,
      skip_records_with_error: true,
      skip_empty_lines: true,
      bom: true,
    });
    const width = rows[0]?.length ?? 0;
    if (width < 2) continue;
    const score = rows.filter((r) => r.length === width).length * 1000 + width;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
};

// The first record's cells, trimmed: the column names.
export const headerOf = (text: string, delimiter: Delimiter): string[] => {
  const [first = []]: string[][] = parse(text, { delimiter, to_line: 1, relax_quotes: true, skip_records_with_error: true, bom: true });
  return first.map((h) => h.trim());
};
