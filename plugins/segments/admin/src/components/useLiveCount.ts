import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Group } from './rules';

type Preview = { id: number; email: string; firstName?: string; lastName?: string; status: string };
export type Live = { count: number | null; tookMs?: number; error?: string; preview: Preview[] };

// Recounts (and refreshes the preview) a moment after the rules stop changing.
export const useLiveCount = (rules: Group): Live => {
  const { post } = useFetchClient();
  const [live, setLive] = useState<Live>({ count: null, preview: [] });
  // The rules object is rebuilt on every edit; its JSON says whether anything really changed.
  const key = JSON.stringify(rules);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(async () => {
      try {
        const [count, preview] = await Promise.all([
          post<{ count: number; tookMs: number }>('/segments/count', { rules: JSON.parse(key) }),
          post<{ subscribers: Preview[] }>('/segments/preview', { rules: JSON.parse(key), limit: 10 }),
        ]);
        if (current) setLive({ count: count.data.count, tookMs: count.data.tookMs, preview: preview.data.subscribers });
      } catch (err) {
        const e = err as { response?: { data?: { error?: { message?: string } } }; message: string };
        if (current) setLive({ count: null, preview: [], error: e.response?.data?.error?.message ?? e.message });
      }
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, post]);
  return live;
};
