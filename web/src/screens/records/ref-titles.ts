import type { ApiClient } from '../../api/api-client';
import { getRecord } from '../../api/records-api';
import { listStaff } from '../../api/users-api';
import type { RefTarget } from './ref-target';
import { recordTitle } from './record-title';

/**
 * The names of referred records, each asked of the API once per client (a list of fifty sessions
 * of three clients asks for three clients). A record that cannot be read is named by its id.
 */
const CACHE = new WeakMap<ApiClient, Map<string, Promise<string>>>();

export function refTitle(api: ApiClient, target: RefTarget, id: number, timeZone: string): Promise<string> {
  let cache = CACHE.get(api);
  if (!cache) CACHE.set(api, (cache = new Map()));
  const key = `${target.path}/${id}`;
  const known = cache.get(key);
  if (known) return known;
  const { kind } = target;
  const title = kind
    ? getRecord(api, kind.path, id).then((record) => recordTitle(kind, record, timeZone))
    : listStaff(api).then((page) => page.data.find((m) => m.id === id)?.name ?? `Staff user #${id}`);
  const named = title.catch(() => `#${id}`);
  cache.set(key, named);
  return named;
}

/** Forgets a record's name after it was changed or deleted, so that it is read again. */
export function forgetRefTitle(api: ApiClient, path: string, id: number): void {
  CACHE.get(api)?.delete(`${path}/${id}`);
}
