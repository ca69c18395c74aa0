import { useCallback, useState } from 'react';
import { listReviews } from '@safeschools/contract';
import { api } from '../../api/client';
import { useCursorPages } from '../../hooks/use-cursor-pages';
import type { Review, ReviewFilters } from './types';

const PAGE_SIZE = 25;

/**
 * The reviews matching the filters, page by page. A settled review replaces its row in place (it keeps its spot
 * even when it no longer matches the status filter, so the person sees what they decided).
 */
export function useReviews(filters: ReviewFilters) {
  const { kind, status, area, importId } = filters;
  const [settled, setSettled] = useState<{ key: string; byId: Record<string, Review> }>({ key: '', byId: {} });
  const key = `${kind}|${status}|${area}|${importId}`;
  const fetchPage = useCallback(
    async (cursor: string | undefined, signal: AbortSignal) => {
      const query = {
        limit: PAGE_SIZE,
        status,
        cursor,
        kind: kind || undefined,
        area: area || undefined,
        import: importId || undefined,
      };
      const page = await api(listReviews, { query, signal });
      return { answer: null, items: page.items, nextCursor: page.nextCursor };
    },
    [kind, status, area, importId],
  );
  const { first: _, items, ...pages } = useCursorPages(fetchPage);
  // Decisions made under other filters are dropped with them: the new list comes fresh from the server.
  const byId = settled.key === key ? settled.byId : {};
  const replace = useCallback(
    (review: Review) =>
      setSettled((current) => ({ key, byId: { ...(current.key === key ? current.byId : {}), [review.id]: review } })),
    [key],
  );
  return { ...pages, items: items.map((review) => byId[review.id] ?? review), replace };
}
