// What the writing assistant asks the model. Prompts carry only the marketer's own words (a brief,
// a block's text): never subscriber data. Liquid tags are kept as they are.

const SYSTEM =
  'You write marketing email copy. Keep any {{ ... }} or {% ... %} tags exactly as they are. ' +
  'Formatting allowed: **bold**, *italic*, [text](url), lines starting with "- " or "1. " for lists. No HTML.';

export const TONES = {
  shorter: 'Make it shorter, keeping the meaning',
  friendlier: 'Make it friendlier and warmer',
  formal: 'Make it more formal',
} as const;
export type Tone = keyof typeof TONES;

type Message = { role: 'system' | 'user'; content: string };

export const subjectPrompt = (brief: string): Message[] => [
  { role: 'system', content: SYSTEM },
  {
    role: 'user',
    content:
      'Suggest 5 subject lines (under 60 characters) and 3 preheaders (under 100 characters) for this email. ' +
      'Answer with JSON only: {"subjects": [...], "preheaders": [...]}.\n\nEmail:\n' +
      brief,
  },
];

export const draftPrompt = (brief: string): Message[] => [
  { role: 'system', content: SYSTEM },
  {
    role: 'user',
    content: `Write the text of one email section (one to three short paragraphs) from this brief. Answer with the text only.\n\nBrief:\n${brief}`,
  },
];

export const rewritePrompt = (text: string, tone: Tone): Message[] => [
  { role: 'system', content: SYSTEM },
  { role: 'user', content: `${TONES[tone]}. Answer with the rewritten text only.\n\nText:\n${text}` },
];

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*(\d+[.)]|[-*])\s*/, '')
        .replace(/^"|"$/g, '')
        .trim()
    )
    .filter(Boolean);

// Models do not always answer in JSON: fall back to one suggestion per line.
export const parseSuggestions = (reply: string): { subjects: string[]; preheaders: string[] } => {
  const json = /\{[\s\S]*\}/.exec(reply)?.[0];
  try {
    const parsed = JSON.parse(json ?? '');
    const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
    return { subjects: strings(parsed.subjects), preheaders: strings(parsed.preheaders) };
  } catch {
    return { subjects: lines(reply), preheaders: [] };
  }
};
