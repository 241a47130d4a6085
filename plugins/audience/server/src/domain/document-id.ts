import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const LENGTH = 24;
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

// A document id shaped like Strapi's own (24 lower-case letters and digits, starting with a letter),
// for rows written in bulk beside the Document Service. 36^23 possibilities: collisions are not a concern.
export const newDocumentId = (): string => {
  let id = '';
  while (id.length < LENGTH) {
    const byte = randomByte();
    // 252 = 7 * 36: dropping the top 4 values keeps every character equally likely.
    if (byte >= 252 || (id.length === 0 && byte % 36 >= 26)) continue;
    id += ALPHABET[byte % 36];
  }
  return id;
};
