import { useState } from 'react';
import { Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { newId, type Block } from './blocks';
import { parseRichText } from './richText';
import { useAssistant } from './useAssistant';

type Suggestions = { subjects: string[]; preheaders: string[] };

// From a short brief: subject line and preheader ideas, or a drafted text block to add.
export const AssistantPanel = ({ onPreheader, onAddBlock }: { onPreheader(text: string): void; onAddBlock(block: Block): void }) => {
  const { ask, busy } = useAssistant();
  const [brief, setBrief] = useState('');
  const [suggestions, setSuggestions] = useState<Suggestions | null>(null);
  const draft = async () => {
    const reply = await ask<{ text: string }>('draft', { brief });
    if (reply) onAddBlock({ id: newId(), type: 'text', content: parseRichText(reply.text) });
  };
  return (
    <Box padding={3} hasRadius borderColor="neutral200">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Field.Root name="brief" hint="What is this email about? Never include subscriber data.">
          <Field.Label>Writing assistant</Field.Label>
          <Textarea value={brief} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setBrief(e.target.value)} />
          <Field.Hint />
        </Field.Root>
        <Flex gap={2}>
          <Button
            variant="secondary"
            loading={busy}
            disabled={!brief.trim()}
            onClick={async () => setSuggestions((await ask<Suggestions>('subjects', { brief })) ?? null)}
          >
            Suggest subject lines
          </Button>
          <Button variant="secondary" loading={busy} disabled={!brief.trim()} onClick={draft}>
            Draft a text block
          </Button>
        </Flex>
        {suggestions?.subjects.map((s) => (
          <Typography key={s}>Subject: {s}</Typography>
        ))}
        {suggestions?.preheaders.map((p) => (
          <Button key={p} variant="ghost" onClick={() => onPreheader(p)}>
            Use preheader: {p}
          </Button>
        ))}
      </Flex>
    </Box>
  );
};
