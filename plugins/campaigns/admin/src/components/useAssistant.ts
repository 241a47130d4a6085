import { useState } from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { issuesOf } from './errors';

// Calls the writing assistant; its refusals (not configured, rate limited, provider down) say what
// to do, so they are shown as they come.
export const useAssistant = () => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = useState(false);
  const ask = async <T>(path: 'subjects' | 'draft' | 'rewrite', body: object): Promise<T | undefined> => {
    setBusy(true);
    try {
      return (await post<T>(`/campaigns/assistant/${path}`, body)).data;
    } catch (err) {
      toggleNotification({ type: 'warning', message: issuesOf(err).message });
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { ask, busy };
};
