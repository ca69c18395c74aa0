import { useCallback, useEffect, useState } from 'react';
import { listUsers } from '@safeschools/contract';
import { api } from '../../api/client';
import type { User } from './types';

const PAGE_SIZE = 100;

/** The user list with cursor paging, plus local updates after an invitation or an edit. */
export function useUsers() {
  const [items, setItems] = useState<User[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback((cursor?: string) => {
    setLoading(true);
    setError(null);
    api(listUsers, { query: { limit: PAGE_SIZE, cursor } }).then(
      (page) => {
        setItems((current) => (cursor ? [...current, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
        setLoading(false);
      },
      (caught: unknown) => {
        setError(caught);
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => load(), [load]);

  const upsert = useCallback((user: User) => {
    setItems((current) =>
      current.some((u) => u.id === user.id) ? current.map((u) => (u.id === user.id ? user : u)) : [user, ...current],
    );
  }, []);

  return {
    items,
    loading,
    error,
    hasMore: nextCursor !== null,
    loadMore: () => nextCursor && load(nextCursor),
    reload: () => load(),
    upsert,
  };
}
