import { Button, Field, Flex, NumberInput, SingleSelect, SingleSelectOption, Textarea, TextInput } from '@strapi/design-system';
import type { Block } from './blocks';
import { MediaPicker } from './MediaPicker';
import { RichTextInput } from './RichTextInput';

type Props = { block: Block; onChange(block: Block): void };

const NETWORKS = ['website', 'facebook', 'x', 'instagram', 'linkedin', 'youtube', 'tiktok'];

const Text = ({ label, value, onChange }: { label: string; value: string; onChange(value: string): void }) => (
  <Field.Root name={label}>
    <Field.Label>{label}</Field.Label>
    <TextInput value={value} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)} />
  </Field.Root>
);

const Select = ({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: string[];
  onChange(value: string): void;
}) => (
  <SingleSelect aria-label={label} value={value} onChange={(v: string | number) => onChange(String(v))}>
    {options.map((o) => (
      <SingleSelectOption key={o} value={o}>
        {o}
      </SingleSelectOption>
    ))}
  </SingleSelect>
);

// The inputs of one (non-columns) block; Liquid such as {{ subscriber.first_name }} works in any text.
export const BlockFields = ({ block, onChange }: Props) => {
  switch (block.type) {
    case 'heading':
      return (
        <Flex gap={2} alignItems="end">
          <Text label="Heading text" value={block.text} onChange={(text) => onChange({ ...block, text })} />
          <Select
            label="Level"
            value={String(block.level)}
            options={['1', '2', '3']}
            onChange={(v) => onChange({ ...block, level: Number(v) as 1 | 2 | 3 })}
          />
        </Flex>
      );
    case 'text':
      return <RichTextInput value={block.content} onChange={(content) => onChange({ ...block, content })} />;
    case 'button':
      return (
        <Flex gap={2}>
          <Text label="Button label" value={block.label} onChange={(label) => onChange({ ...block, label })} />
          <Text label="Button link" value={block.href} onChange={(href) => onChange({ ...block, href })} />
        </Flex>
      );
    case 'image':
      return (
        <Flex gap={2} wrap="wrap" alignItems="end">
          <Text label="Image URL" value={block.src} onChange={(src) => onChange({ ...block, src })} />
          <MediaPicker onPick={(file) => onChange({ ...block, src: file.url, alt: block.alt || file.name })} />
          <Text label="Alt text" value={block.alt} onChange={(alt) => onChange({ ...block, alt })} />
          <Text label="Image link" value={block.href ?? ''} onChange={(href) => onChange({ ...block, href: href || undefined })} />
        </Flex>
      );
    case 'spacer':
      return (
        <Field.Root name="height">
          <Field.Label>Height (px)</Field.Label>
          <NumberInput value={block.height} onValueChange={(height?: number) => onChange({ ...block, height: height ?? 0 })} />
        </Field.Root>
      );
    case 'social':
      return (
        <Flex direction="column" alignItems="stretch" gap={2}>
          {block.links.map((link, i) => (
            <Flex key={i} gap={2} alignItems="end">
              <Select
                label="Network"
                value={link.network}
                options={NETWORKS}
                onChange={(network) => onChange({ ...block, links: block.links.map((l, n) => (n === i ? { ...l, network } : l)) })}
              />
              <Text
                label="Profile URL"
                value={link.url}
                onChange={(url) => onChange({ ...block, links: block.links.map((l, n) => (n === i ? { ...l, url } : l)) })}
              />
            </Flex>
          ))}
          <Button
            variant="tertiary"
            onClick={() => onChange({ ...block, links: [...block.links, { network: 'website', url: 'https://' }] })}
          >
            Add link
          </Button>
        </Flex>
      );
    case 'html':
      return (
        <Field.Root name="html" hint="Scripts, frames, forms and event handlers are refused">
          <Field.Label>HTML</Field.Label>
          <Textarea
            value={block.html}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange({ ...block, html: e.target.value })}
          />
          <Field.Hint />
        </Field.Root>
      );
    case 'footer':
      return (
        <Text
          label="Footer note (the postal address and unsubscribe links are always added)"
          value={block.text ?? ''}
          onChange={(text) => onChange({ ...block, text: text || undefined })}
        />
      );
    case 'divider':
    case 'columns':
      return null;
  }
};
