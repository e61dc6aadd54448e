import { useEffect, useState } from 'react';
import { useSession } from '../../session/session-context';
import type { Option } from './use-catalog-options';

/**
 * The entries of a studio list (`/relationships`, `/referral-programs`, `/departments`, `/templates`
 * of a channel and basis, …) as select options, named by `name`; none while `path` is null.
 */
export function useListOptions(path: string | null, query: Record<string, string> = {}): Option[] {
  const { api } = useSession();
  const [options, setOptions] = useState<Option[]>([]);
  const queryKey = new URLSearchParams(query).toString();
  useEffect(() => {
    if (!path) return setOptions([]);
    let current = true;
    api
      .get<{
        data: { id: number; name: string }[];
      }>(path, { ...Object.fromEntries(new URLSearchParams(queryKey)), limit: 200 })
      .then(
        (page) => current && setOptions(page.data.map((e) => ({ value: String(e.id), label: e.name }))),
        () => current && setOptions([]),
      );
    return () => {
      current = false;
    };
  }, [api, path, queryKey]);
  return options;
}
