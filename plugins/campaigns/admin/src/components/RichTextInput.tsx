import { useState } from 'react';
import { Button, Field, Flex, Textarea } from '@strapi/design-system';
import type { RichNode } from './blocks';
import { formatRichText, parseRichText } from './richText';
import { useAssistant } from './useAssistant';

const TONES = { shorter: 'Shorter', friendlier: 'Friendlier', formal: 'More formal' } as const;

type Props = { value: RichNode[]; onChange(value: RichNode[]): void };

// The draft text is kept as typed; the structure is re-parsed from it on every change.
export const RichTextInput = ({ value, onChange }: Props) => {
  const [draft, setDraft] = useState(() => formatRichText(value));
  const { ask, busy } = useAssistant();
  const edit = (text: string) => {
    setDraft(text);
    onChange(parseRichText(text));
  };
  const rewrite = async (tone: keyof typeof TONES) => {
    const reply = await ask<{ text: string }>('rewrite', { text: draft, tone });
    if (reply) edit(reply.text);
  };
  return (
    <Field.Root name="content" hint="**bold**, *italic*, [link](https://…), lines starting with - or 1. make lists">
      <Field.Label>Text</Field.Label>
      <Textarea value={draft} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => edit(e.target.value)} />
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
