import { useCallback } from 'react';
import { listReadinessSchools } from '@safeschools/contract';
import { api } from '../../api/client';
import { useCursorPages } from '../../hooks/use-cursor-pages';
import type { ReadinessFilter } from './types';

const PAGE_SIZE = 25;

/** The schools one figure counts, in the area shown, a page at a time. */
export function useFigureSchools(filter: ReadinessFilter, area: string) {
  const fetchPage = useCallback(
    async (cursor: string | undefined, signal: AbortSignal) => {
      const page = await api(listReadinessSchools, { query: { filter, area: area || undefined, cursor, limit: PAGE_SIZE }, signal });
      return { answer: null, items: page.items, nextCursor: page.nextCursor };
    },
    [filter, area],
  );
  const { first: _, ...pages } = useCursorPages(fetchPage);
  return pages;
}
