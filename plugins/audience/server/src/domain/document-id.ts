import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const LENGTH = 24;

// A document id shaped like Strapi's own (24 lower-case letters and digits, starting with a letter),
// for rows written in bulk beside the Document Service. 36^23 possibilities: collisions are not a concern.
export const newDocumentId = (): string => {
  let id = '';
  while (id.length < LENGTH) {
    for (const byte of randomBytes(32)) {
      // 252 = 7 * 36: dropping the top 4 values keeps every character equally likely.
      if (byte >= 252 || (id.length === 0 && byte % 36 >= 26)) continue;
      id += ALPHABET[byte % 36];
      if (id.length === LENGTH) break;
    }
  }
  return id;
};
