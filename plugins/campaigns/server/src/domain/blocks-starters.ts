import type { Block } from './blocks';

export interface StarterTemplate {
  name: string;
  description: string;
  preheader: string;
  body: { blocks: Block[] };
}

const p = (text: string) => ({ kind: 'paragraph' as const, spans: [{ text }] });
const greeting = p('Hi {{ subscriber.first_name | default: "there" }},');
const footer: Block = { id: 'footer', type: 'footer' };

// The templates a new install starts with, so a first campaign does not begin from a blank page.
export const STARTER_TEMPLATES: StarterTemplate[] = [
  {
    name: 'Newsletter',
    description: 'A regular update: a headline story, two shorter items side by side and links.',
    preheader: 'What is new this month',
    body: {
      blocks: [
        { id: 'title', type: 'heading', level: 1, text: 'This month at {{ sender.name }}' },
        { id: 'intro', type: 'text', content: [greeting, p('Here is what we have been working on.')] },
        { id: 'story', type: 'heading', level: 2, text: 'The headline story' },
        { id: 'story-text', type: 'text', content: [p('Tell the main story in a few sentences.')] },
        { id: 'story-link', type: 'button', label: 'Read more', href: 'https://example.com' },
        { id: 'rule', type: 'divider' },
        {
          id: 'items',
          type: 'columns',
          columns: [
            [
              { id: 'item-1', type: 'heading', level: 3, text: 'Also new' },
              { id: 'item-1-text', type: 'text', content: [p('A shorter item.')] },
            ],
            [
              { id: 'item-2', type: 'heading', level: 3, text: 'Coming up' },
              { id: 'item-2-text', type: 'text', content: [p('Another short item.')] },
            ],
          ],
        },
        { id: 'social', type: 'social', links: [{ network: 'website', url: 'https://example.com' }] },
        footer,
      ],
    },
  },
  {
    name: 'Promotion',
    description: 'One offer with a strong call to action.',
    preheader: 'An offer for you',
    body: {
      blocks: [
        { id: 'title', type: 'heading', level: 1, text: '20% off this week', align: 'center' },
        { id: 'pitch', type: 'text', content: [greeting, p('For the next seven days, everything in the shop is 20% off.')] },
        { id: 'cta', type: 'button', label: 'Shop now', href: 'https://example.com/shop' },
        { id: 'gap', type: 'spacer', height: 16 },
        footer,
      ],
    },
  },
  {
    name: 'Welcome',
    description: 'Greets a new subscriber and says what to expect.',
    preheader: 'Welcome aboard',
    body: {
      blocks: [
        { id: 'title', type: 'heading', level: 1, text: 'Welcome, {{ subscriber.first_name | default: "friend" }}!' },
        {
          id: 'body',
          type: 'text',
          content: [
            p('Thanks for subscribing. Here is what to expect:'),
            { kind: 'list', ordered: false, items: [[{ text: 'One email a month' }], [{ text: 'No spam, ever' }]] },
          ],
        },
        { id: 'prefs', type: 'button', label: 'Choose your topics', href: '{{ links.preferences }}' },
        footer,
      ],
    },
  },
  {
    name: 'Announcement',
    description: 'A single piece of news.',
    preheader: 'News from us',
    body: {
      blocks: [
        { id: 'title', type: 'heading', level: 1, text: 'Big news' },
        { id: 'body', type: 'text', content: [greeting, p('Share the announcement here.')] },
        { id: 'more', type: 'button', label: 'Find out more', href: 'https://example.com' },
        footer,
      ],
    },
  },
];
