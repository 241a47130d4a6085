import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const LETTERS = 26;
const TIME_DIGITS = 8;
const COUNTER_SPACE = 36 ** 4;
const RANDOM_CHARS = 11;
// Random bytes are drawn a few kilobytes at a time: a call per id costs more than the id itself, and
// an import makes a million. Document ids are names, not secrets.
const POOL_BYTES = 8192;

let pool = Buffer.alloc(0);
let used = 0;
const randomByte = (): number => {
  if (used === pool.length) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  return pool[used++];
};

const randomChars = (length: number): string => {
  let chars = '';
  while (chars.length < length) {
    const byte = randomByte();
    // 252 = 7 * 36: dropping the top 4 values keeps every character equally likely.
    if (byte < 252) chars += ALPHABET[byte % 36];
  }
  return chars;
};

// The time in milliseconds as 9 base-36 digits whose first is written as a letter (a = 0), so that
// ids start with a letter and sort in time order until the year 4300.
const timePart = (ms: number): string => {
  const span = 36 ** TIME_DIGITS;
  return String.fromCharCode(97 + (Math.floor(ms / span) % LETTERS)) + (ms % span).toString(36).padStart(TIME_DIGITS, '0');
};

let counter = 0;

// A document id shaped like Strapi's own (24 lower-case letters and digits, starting with a letter),
// for rows written in bulk beside the Document Service. Unlike Strapi's, it starts with the time and a
// counter, so a million new ids land at the end of the document-id indexes (the subscriber table's and
// the timeline's) instead of on random pages all over them: PostgreSQL inserts them in half the time.
// The 11 random characters keep ids from different processes apart (36^11 per millisecond and count).
export const newDocumentId = (): string => {
  counter = (counter + 1) % COUNTER_SPACE;
  return timePart(Date.now()) + counter.toString(36).padStart(4, '0') + randomChars(RANDOM_CHARS);
};
