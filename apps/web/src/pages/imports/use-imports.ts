import { useCallback } from 'react';
import { listImports } from '@safeschools/contract';
import { api } from '../../api/client';
import { useCursorPages } from '../../hooks/use-cursor-pages';

const PAGE_SIZE = 25;

/** The imports the user may see (everyone's for an administrator), newest first, with cursor paging. */
export function useImports() {
  const fetchPage = useCallback(async (cursor: string | undefined, signal: AbortSignal) => {
    const page = await api(listImports, { query: { limit: PAGE_SIZE, cursor }, signal });
    return { answer: null, items: page.items, nextCursor: page.nextCursor };
  }, []);
  const { first: _, ...pages } = useCursorPages(fetchPage);
  return pages;
}
