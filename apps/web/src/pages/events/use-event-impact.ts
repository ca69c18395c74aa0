import { useCallback } from 'react';
import { getEventImpact } from '@safeschools/contract';
import { api } from '../../api/client';
import { useCursorPages } from '../../hooks/use-cursor-pages';

const PAGE_SIZE = 50;

/** An event's impact: totals and districts come with the first page; affected schools, strongest first, page by page. */
export function useEventImpact(id: string) {
  const fetchPage = useCallback(
    async (cursor: string | undefined, signal: AbortSignal) => {
      const answer = await api(getEventImpact, { params: { id }, query: { limit: PAGE_SIZE, cursor }, signal });
      return { answer, items: answer.schools.items, nextCursor: answer.schools.nextCursor };
    },
    [id],
  );
  const pages = useCursorPages(fetchPage);
  return { ...pages, impact: pages.first };
}
