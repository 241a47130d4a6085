import { randomBytes } from 'node:crypto';

const LIQUID = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

// React escapes quotes and angle brackets in text and attributes, which would break Liquid such as
// {{ x | default: "there" }}. Liquid is swapped for opaque letter-and-digit tokens before React
// renders and swapped back in the finished HTML and text. Restoring ignores case because the
// plain-text conversion may upper-case headings.
export const liquidTokens = () => {
  const nonce = randomBytes(4).toString('hex');
  const stored: string[] = [];
  const token = (liquid: string) => `lq${nonce}x${stored.push(liquid) - 1}x`;
  const pattern = new RegExp(`lq${nonce}x(\\d+)x`, 'gi');
  return {
    /** The text with each Liquid tag or output replaced by a token. */
    protect: (text: string) => text.replace(LIQUID, token),
    /** A token standing for this Liquid, to place between elements (a block's {% if %}). */
    raw: token,
    restore: (rendered: string) => rendered.replace(pattern, (_, i: string) => stored[Number(i)]),
  };
};

export type LiquidTokens = ReturnType<typeof liquidTokens>;
