import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { listStatuses, listTypes, type CatalogEntry } from '../../api/catalog-api';
import type { TriggerFilters, TriggerTypeInfo } from '../../api/triggers-api';
import { useSession } from '../../session/session-context';

interface Props {
  type: TriggerTypeInfo;
  filters: TriggerFilters;
  onChange: (name: keyof TriggerFilters, value: string | null) => void;
}

/** Which status (of the trigger type's record kind) or which type the triggers filter by. */
export function FilterTargetSelect({ type, filters, onChange }: Props) {
  const { api } = useSession();
  const [entries, setEntries] = useState<CatalogEntry[]>([]);
  const byStatus = filters.sub_type === 'status';
  const kind = byStatus ? type.record_kind : type.filter.type_kind;

  useEffect(() => {
    if (!kind) return;
    let current = true;
    (byStatus ? listStatuses(api, kind) : listTypes(api, kind)).then(
      (page) => current && setEntries(page.data),
      () => current && setEntries([]),
    );
    return () => {
      current = false;
    };
  }, [api, kind, byStatus]);

  const name = byStatus ? 'filter_status_id' : 'filter_type_id';
  return (
    <Select
      label={byStatus ? 'Status' : 'Type'}
      placeholder={byStatus ? 'Any status' : 'Any type'}
      clearable
      searchable
      w={200}
      data={entries.map((e) => ({ value: String(e.id), label: e.name }))}
      value={filters[name] ?? null}
      onChange={(value) => onChange(name, value)}
    />
  );
}
