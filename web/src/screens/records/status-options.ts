import { useEffect, useState } from 'react';
import type { RecordKind } from '../../../../src/domain/record-kinds/index';
import { listRecords } from '../../api/records-api';
import { useSession } from '../../session/session-context';

export interface StatusOption {
  readonly value: string;
  readonly label: string;
  /** The type the status is limited to (a task status of one task type); null: every type. */
  readonly scopeTypeId: number | null;
}

/** The statuses of the kind's status catalog, in their sort order; none for kinds without. */
export function useStatusOptions(kind: RecordKind): StatusOption[] {
  const { api } = useSession();
  const [options, setOptions] = useState<StatusOption[]>([]);
  const catalog = kind.status?.catalog;
  useEffect(() => {
    if (!catalog) return;
    let current = true;
    listRecords(api, 'statuses', { kind: catalog, limit: 500 }).then(
      (page) =>
        current &&
        setOptions(
          page.data.map((s) => ({
            value: String(s.id),
            label: `${String(s.name)}${s.is_inactive ? ' (inactive)' : ''}`,
            scopeTypeId: typeof s.scope_type_id === 'number' ? s.scope_type_id : null,
          })),
        ),
      () => current && setOptions([]),
    );
    return () => {
      current = false;
    };
  }, [api, catalog]);
  return options;
}
