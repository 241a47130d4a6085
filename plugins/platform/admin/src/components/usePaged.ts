import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

export type Paged<T> = { results: T[]; pagination: { page: number; pageSize: number; total: number } };

// Loads one page of an admin list endpoint and reloads it on demand.
export const usePaged = <T>(path: string, page: number, extra: Record<string, string> = {}) => {
  const { get } = useFetchClient();
  const [data, setData] = useState<(Paged<T> & Record<string, unknown>) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = new URLSearchParams({ page: String(page), pageSize: '25', ...extra }).toString();
  const reload = useCallback(() => {
    get<Paged<T> & Record<string, unknown>>(`${path}?${query}`)
      .then((res) => {
        setData(res.data);
        setError(null);
      })
      .catch((err: Error) => setError(err.message));
  }, [get, path, query]);
  useEffect(reload, [reload]);
  return { data, error, reload };
};
