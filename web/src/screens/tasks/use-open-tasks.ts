import { useCallback, useEffect, useState } from 'react';
import { listOpenTasks, type TaskRow } from '../../api/tasks-api';
import { useSession } from '../../session/session-context';

export interface OpenTasks {
  /** null until the first page has come. */
  readonly tasks: readonly TaskRow[] | null;
  readonly more: boolean;
  readonly loadingMore: boolean;
  readonly error: string | null;
  readonly loadMore: () => void;
}

/**
 * The open tasks a page at a time, as the server filters them (completed_date=null), so a studio
 * with thousands of tasks on the books sees every open one. A new `reload` starts from the top.
 */
export function useOpenTasks(reload: number): OpenTasks {
  const { api } = useSession();
  const [tasks, setTasks] = useState<readonly TaskRow[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    listOpenTasks(api).then(
      (page) => {
        if (!current) return;
        setTasks(page.data);
        setCursor(page.next_cursor);
      },
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, reload]);

  const loadMore = useCallback(() => {
    if (!cursor || loadingMore) return;
    setLoadingMore(true);
    listOpenTasks(api, cursor)
      .then(
        (page) => {
          setTasks((before) => [...(before ?? []), ...page.data]);
          setCursor(page.next_cursor);
        },
        (failure: Error) => setError(failure.message),
      )
      .finally(() => setLoadingMore(false));
  }, [api, cursor, loadingMore]);

  return { tasks, more: cursor !== null, loadingMore, error, loadMore };
}
