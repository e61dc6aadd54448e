import { useEffect, useRef, useState } from 'react';

/** A page of a list and where the next one starts (null: this was the last). */
export interface Page<T, C> {
  readonly items: readonly T[];
  readonly next: C | null;
}

export interface PagedList<T> {
  /** null while the first page loads. */
  readonly items: readonly T[] | null;
  readonly error: string | null;
  readonly hasMore: boolean;
  loadMore(): Promise<void>;
}

/**
 * A list read a page at a time, newest first, started afresh whenever `key` changes (another record).
 * `load` is called with null for the first page, then with the cursor the previous page gave.
 */
export function usePagedList<T, C>(
  key: string,
  load: (cursor: C | null) => Promise<Page<T, C>>,
): PagedList<T> {
  const [state, setState] = useState<{ items: readonly T[] | null; next: C | null; error: string | null }>({
    items: null,
    next: null,
    error: null,
  });
  // `load` is a new function each render; the list depends only on what `key` names.
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let current = true;
    setState({ items: null, next: null, error: null });
    loadRef.current(null).then(
      (page) => current && setState({ items: page.items, next: page.next, error: null }),
      (failure: Error) => current && setState({ items: null, next: null, error: failure.message }),
    );
    return () => {
      current = false;
    };
  }, [key]);

  const loadMore = async () => {
    if (state.next === null || state.items === null) return;
    try {
      const page = await loadRef.current(state.next);
      setState({ items: [...state.items, ...page.items], next: page.next, error: null });
    } catch (failure) {
      setState({ ...state, error: (failure as Error).message });
    }
  };
  return { items: state.items, error: state.error, hasMore: state.next !== null, loadMore };
}
