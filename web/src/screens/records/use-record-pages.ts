import { useEffect, useState } from 'react';
import { listRecords, type RecordData } from '../../api/records-api';
import { useSession } from '../../session/session-context';

/**
 * A list's records, page by page: the first page for the query, then `loadMore` follows the
 * keyset cursor and appends. A change of query starts afresh.
 */
export function useRecordPages(path: string, query: Readonly<Record<string, string>>, reload = 0) {
  const { api } = useSession();
  const [rows, setRows] = useState<RecordData[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    let current = true;
    setRows(null);
    setError(null);
    listRecords(api, path, JSON.parse(queryKey) as Record<string, string>).then(
      (page) => {
        if (!current) return;
        setRows(page.data);
        setCursor(page.next_cursor);
      },
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, path, queryKey, reload]);

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const page = await listRecords(api, path, { ...query, cursor });
      setRows((before) => [...(before ?? []), ...page.data]);
      setCursor(page.next_cursor);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setLoadingMore(false);
    }
  };

  return { rows, error, hasMore: cursor !== null, loadingMore, loadMore };
}
