import { useCallback } from 'react';
import { listEvents } from '@safeschools/contract';
import { api } from '../../api/client';
import { useCursorPages } from '../../hooks/use-cursor-pages';

const PAGE_SIZE = 50;

/** Events, newest first (the server's order), page by page. */
export function useEvents() {
  const fetchPage = useCallback(async (cursor: string | undefined, signal: AbortSignal) => {
    const answer = await api(listEvents, { query: { limit: PAGE_SIZE, cursor }, signal });
    return { answer, items: answer.items, nextCursor: answer.nextCursor };
  }, []);
  return useCursorPages(fetchPage);
}
