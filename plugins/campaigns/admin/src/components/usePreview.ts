import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Block } from './blocks';
import { issuesOf } from './errors';

// Re-renders the unsaved blocks as the chosen subscriber a moment after editing stops.
export const usePreview = (blocks: Block[], preheader: string, subscriberDocumentId: string) => {
  const { post } = useFetchClient();
  const [preview, setPreview] = useState<{ html: string; error?: string }>({ html: '' });
  // The blocks are rebuilt on every edit; their JSON says whether anything really changed.
  const key = JSON.stringify({ blocks, preheader, subscriberDocumentId });
  useEffect(() => {
    let current = true;
    const timer = setTimeout(async () => {
      const { blocks, preheader, subscriberDocumentId } = JSON.parse(key);
      try {
        const res = await post<{ html: string }>('/campaigns/templates/preview', {
          blocks,
          preheader,
          subscriberDocumentId: subscriberDocumentId || undefined,
        });
        if (current) setPreview({ html: res.data.html });
      } catch (err) {
        if (current) setPreview((previous) => ({ html: previous.html, error: issuesOf(err).message }));
      }
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, post]);
  return preview;
};
