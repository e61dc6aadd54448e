import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { searchRecords } from '../../api/insight-api';
import { useSession } from '../../session/session-context';
import { recordKindLabel } from '../queue/record-label';
import { recordOptionLabel } from './record-option-label';

interface Props {
  kind: string;
  /** The field's label; the record kind's name unless given. */
  label?: string;
  value: number | null;
  onChange: (recordId: number | null) => void;
}

/** A record of the trigger's kind, found by what is typed (names, numbers, descriptions). */
export function RecordPicker({ kind, label: fieldLabel, value, onChange }: Props) {
  const { api, studio } = useSession();
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const wait = setTimeout(() => {
      searchRecords(api, kind, search.includes(' · ') ? '' : search).then(
        (page) => {
          if (!current) return;
          setError(null);
          setOptions((before) => {
            const found = page.data.map((row) => ({
              value: String(row.id),
              label: recordOptionLabel(kind, row, studio.time_zone),
            }));
            const chosen = before.find((o) => o.value === String(value));
            return chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;
          });
        },
        (failure: Error) => current && setError(failure.message),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(wait);
    };
  }, [api, kind, search, studio.time_zone, value]);

  const label = recordKindLabel(kind);
  return (
    <Select
      label={fieldLabel ?? label}
      description={`Type to search ${label.toLowerCase()}s by name, number or description`}
      placeholder={`Pick a ${label.toLowerCase()}`}
      searchable
      clearable
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      value={value === null ? null : String(value)}
      onChange={(next) => onChange(next ? Number(next) : null)}
      nothingFoundMessage={`No ${label.toLowerCase()} matches`}
      error={error}
    />
  );
}
