import { useCallback } from 'react';
import { listSchools } from '@safeschools/contract';
import { api } from '../../api/client';
import { useCursorPages } from '../../hooks/use-cursor-pages';

const PAGE_SIZE = 50;

/** Schools matching a search and an area, with cursor paging; a new search drops the answer of the old one. */
export function useSchools(q: string, area: string) {
  const fetchPage = useCallback(
    async (cursor: string | undefined, signal: AbortSignal) => {
      const page = await api(listSchools, { query: { limit: PAGE_SIZE, cursor, q: q || undefined, area: area || undefined }, signal });
      return { answer: null, items: page.items, nextCursor: page.nextCursor };
    },
    [q, area],
  );
  const { first: _, ...pages } = useCursorPages(fetchPage);
  return pages;
}
