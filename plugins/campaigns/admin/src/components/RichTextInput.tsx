import { useLayoutEffect, useRef, useState } from 'react';
import { Button, Field, Flex, IconButton, IconButtonGroup, Textarea } from '@strapi/design-system';
import { Bold, BulletList, Italic, Link, NumberList } from '@strapi/icons';
import type { RichNode } from './blocks';
import { applyFormat, formatRichText, parseRichText, type Format } from './richText';
import { useAssistant } from './useAssistant';

const TONES = { shorter: 'Shorter', friendlier: 'Friendlier', formal: 'More formal' } as const;

const TOOLS: Array<{ format: Format; label: string; icon: React.ReactNode; keys?: string }> = [
  { format: 'bold', label: 'Bold', icon: <Bold />, keys: 'Control+B Meta+B' },
  { format: 'italic', label: 'Italic', icon: <Italic />, keys: 'Control+I Meta+I' },
  { format: 'link', label: 'Link', icon: <Link /> },
  { format: 'bullets', label: 'Bulleted list', icon: <BulletList /> },
  { format: 'numbers', label: 'Numbered list', icon: <NumberList /> },
];
const SHORTCUTS: Record<string, Format> = { b: 'bold', i: 'italic' };

type Props = { value: RichNode[]; onChange(value: RichNode[]): void };

// The draft text is kept as typed; the structure is re-parsed from it on every change.
export const RichTextInput = ({ value, onChange }: Props) => {
  const [draft, setDraft] = useState(() => formatRichText(value));
  const textarea = useRef<HTMLTextAreaElement>(null);
  // The range a toolbar edit selects once React has rendered its text.
  const [selection, setSelection] = useState<[number, number] | null>(null);
  const { ask, busy } = useAssistant();
  const edit = (text: string) => {
    setDraft(text);
    onChange(parseRichText(text));
  };
  const format = (kind: Format) => {
    const el = textarea.current;
    if (!el) return;
    const next = applyFormat(kind, { text: draft, start: el.selectionStart, end: el.selectionEnd });
    edit(next.text);
    setSelection([next.start, next.end]);
  };
  useLayoutEffect(() => {
    if (!selection || !textarea.current) return;
    textarea.current.focus();
    textarea.current.setSelectionRange(...selection);
    setSelection(null);
  }, [selection]);
  const rewrite = async (tone: keyof typeof TONES) => {
    const reply = await ask<{ text: string }>('rewrite', { text: draft, tone });
    if (reply) edit(reply.text);
  };
  return (
    <Field.Root name="content" hint="**bold**, *italic*, [link](https://…), lines starting with - or 1. make lists">
      <Field.Label>Text</Field.Label>
      <Flex paddingBottom={1}>
        <IconButtonGroup role="toolbar" aria-label="Formatting">
          {TOOLS.map((tool) => (
            <IconButton
              key={tool.format}
              label={tool.label}
              aria-keyshortcuts={tool.keys}
              size="S"
              variant="tertiary"
              onClick={() => format(tool.format)}
            >
              {tool.icon}
            </IconButton>
          ))}
        </IconButtonGroup>
      </Flex>
      <Textarea
        ref={textarea}
        value={draft}
        onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => edit(e.target.value)}
        onKeyDown={(e: React.KeyboardEvent<HTMLTextAreaElement>) => {
          const shortcut = SHORTCUTS[e.key.toLowerCase()];
          if (!shortcut || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
          e.preventDefault();
          format(shortcut);
        }}
      />
      <Field.Hint />
      <Flex gap={1} paddingTop={1}>
        {(Object.keys(TONES) as Array<keyof typeof TONES>).map((tone) => (
          <Button key={tone} size="S" variant="tertiary" loading={busy} disabled={!draft.trim()} onClick={() => rewrite(tone)}>
            {TONES[tone]}
          </Button>
        ))}
      </Flex>
    </Field.Root>
  );
};
