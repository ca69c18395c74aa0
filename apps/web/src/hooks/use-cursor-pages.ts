import { useCallback, useEffect, useRef, useState } from 'react';

export interface CursorPage<A, T> {
  answer: A;
  items: readonly T[];
  nextCursor: string | null;
}

/**
 * A list read page by page with a cursor: `first` keeps the first answer (for what comes with it, such as
 * totals), "load more" appends. A reload or leaving the page drops an answer still on its way.
 * `fetchPage` must be stable; a new one starts over.
 */
export function useCursorPages<A, T>(fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<CursorPage<A, T>>) {
  const [first, setFirst] = useState<A | null>(null);
  const [items, setItems] = useState<readonly T[]>([]);
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
      fetchPage(cursor, current.signal).then(
        (page) => {
          if (current.signal.aborted) return;
          if (!cursor) setFirst(page.answer);
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
    [fetchPage],
  );

  useEffect(() => {
    load();
    return () => controller.current?.abort();
  }, [load]);

  return {
    first,
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
