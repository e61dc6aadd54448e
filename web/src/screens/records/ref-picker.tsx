import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { FieldDef, RecordKind } from '../../../../src/domain/record-kinds/index';
import { listRecords } from '../../api/records-api';
import { listStaff } from '../../api/users-api';
import { useSession } from '../../session/session-context';
import { refTargetOf } from './ref-target';
import { refTitle } from './ref-titles';
import { recordTitle } from './record-title';

interface Option {
  value: string;
  label: string;
}

interface Props {
  kind: RecordKind;
  field: FieldDef;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  disabled?: boolean;
}

/**
 * A ref field's input: a searchable list of the referred kind, asked of the API with what is typed
 * (`q`), so that a studio with thousands of clients still finds one; staff users are few and are
 * filtered here. The chosen record stays an option even when the search no longer finds it.
 */
export function RefPicker({ kind, field, value, onChange, error, disabled }: Props) {
  const { api, studio } = useSession();
  const target = refTargetOf(kind, field);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<Option[]>([]);
  const [chosen, setChosen] = useState<Option | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const queryKey = JSON.stringify(target.query);

  useEffect(() => {
    if (value === null) return setChosen(null);
    let current = true;
    void refTitle(api, target, Number(value), studio.time_zone).then(
      (label) => current && setChosen({ value, label }),
    );
    return () => {
      current = false;
    };
  }, [api, target.path, value, studio.time_zone]); // eslint-disable-line react-hooks/exhaustive-deps

  const q = search === chosen?.label ? '' : search;
  useEffect(() => {
    let current = true;
    const wait = setTimeout(() => {
      const targetKind = target.kind;
      const request = targetKind
        ? listRecords(api, target.path, { ...JSON.parse(queryKey), q, limit: 20 }).then((page) =>
            page.data.map((row) => ({
              value: String(row.id),
              label: recordTitle(targetKind, row, studio.time_zone),
            })),
          )
        : listStaff(api).then((page) =>
            page.data
              .filter((m) => m.name.toLowerCase().includes(q.toLowerCase()))
              .map((m) => ({ value: String(m.id), label: m.name })),
          );
      request.then(
        (options) => {
          if (!current) return;
          setFailure(null);
          setFound(options);
        },
        (problem: Error) => current && setFailure(`The choices could not be loaded: ${problem.message}`),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(wait);
    };
  }, [api, target.path, target.kind, queryKey, q, studio.time_zone]);

  const options = chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;
  const noun = target.kind ? target.kind.label.toLowerCase() : 'staff member';
  return (
    <Select
      label={field.label}
      required={field.required}
      placeholder={`Type to find ${noun === 'staff member' ? 'a staff member' : `a ${noun}`}`}
      searchable
      clearable={!field.required}
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      value={value}
      onChange={(next) => onChange(next)}
      nothingFoundMessage={`No ${noun} matches “${q}”`}
      error={error ?? failure}
      disabled={disabled}
    />
  );
}
