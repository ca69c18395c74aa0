import { useCallback, useEffect, useRef, useState } from 'react';
import { listSchools } from '@safeschools/contract';
import { api } from '../../api/client';
import type { School } from './types';

const PAGE_SIZE = 50;

/** Schools matching a search and an area, with cursor paging; a new search drops the answer of the old one. */
export function useSchools(q: string, area: string) {
  const [items, setItems] = useState<School[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);

  const load = useCallback(
    (cursor?: string) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setLoading(true);
      setError(null);
      const query = { limit: PAGE_SIZE, cursor, q: q || undefined, area: area || undefined };
      api(listSchools, { query, signal: current.signal }).then(
        (page) => {
          if (current.signal.aborted) return;
          setItems((existing) => (cursor ? [...existing, ...page.items] : page.items));
          setNextCursor(page.nextCursor);
          setLoading(false);
        },
        (caught: unknown) => {
          if (current.signal.aborted) return;
          setError(caught);
          setLoading(false);
        },
      );
    },
    [q, area],
  );

  useEffect(() => {
    load();
    return () => controller.current?.abort();
  }, [load]);

  return {
    items,
    loading,
    error,
    hasMore: nextCursor !== null,
    loadMore: () => {
      if (nextCursor) load(nextCursor);
    },
    reload: () => load(),
  };
}
