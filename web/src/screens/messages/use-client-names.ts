import { useEffect, useState } from 'react';
import { useSession } from '../../session/session-context';

/**
 * The names of the clients behind the threads ("Ada Lovelace"), read once per client; a client
 * that cannot be read keeps no name and its thread shows the number alone.
 */
export function useClientNames(ids: readonly (number | null)[]): ReadonlyMap<number, string> {
  const { api } = useSession();
  const [names, setNames] = useState<ReadonlyMap<number, string>>(new Map());
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))].sort((a, b) => a - b).join(',');
  useEffect(() => {
    let current = true;
    const read = wanted.split(',').filter(Boolean).map(Number);
    void Promise.all(
      read.map((id) =>
        api.get<{ first_name?: string | null; last_name?: string | null }>(`/clients/${id}`).then(
          (c) => [id, [c.first_name, c.last_name].filter(Boolean).join(' ')] as const,
          () => null,
        ),
      ),
    ).then((pairs) => {
      if (current) setNames(new Map(pairs.filter((p) => p !== null && p[1] !== '') as [number, string][]));
    });
    return () => {
      current = false;
    };
  }, [api, wanted]);
  return names;
}
