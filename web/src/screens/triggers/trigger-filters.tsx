import { Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import type { TriggerFilters as Filters, TriggerTypeCatalog } from '../../api/triggers-api';
import { FilterTargetSelect } from './filter-target-select';

interface Props {
  filters: Filters;
  catalog: TriggerTypeCatalog | null;
  onChange: (name: keyof Filters, value: string | null) => void;
}

const SEARCH_DELAY_MS = 300;

/**
 * The list's filters, in the order a person narrows down: what kind of trigger, whether it filters
 * by a status or a type (and which), a name, and active or not.
 */
export function TriggerFilters({ filters, catalog, onChange }: Props) {
  const [search, setSearch] = useState(filters.q ?? '');
  const sendSearch = useDebouncedCallback((value: string) => onChange('q', value.trim()), SEARCH_DELAY_MS);
  const type = catalog?.types.find((t) => t.name === filters.trigger_type);
  const subTypes = [
    { value: 'status', label: 'A status', disabled: type?.filter.status === 'none' },
    { value: 'type', label: 'A type', disabled: type?.filter.type === 'none' },
  ];

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label="Trigger type"
          placeholder="All types"
          clearable
          searchable
          w={240}
          data={(catalog?.types ?? []).map((t) => ({ value: t.name, label: t.label }))}
          value={filters.trigger_type ?? null}
          onChange={(value) => onChange('trigger_type', value)}
        />
        <Select
          label="Filters by"
          placeholder="Anything"
          clearable
          w={160}
          data={subTypes}
          value={filters.sub_type ?? null}
          onChange={(value) => onChange('sub_type', value)}
        />
        {type && filters.sub_type && <FilterTargetSelect type={type} filters={filters} onChange={onChange} />}
        <TextInput
          label="Search by name"
          type="search"
          w={220}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            sendSearch(event.currentTarget.value);
          }}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="trigger-activity-label">
            Show
          </Text>
          <SegmentedControl
            aria-labelledby="trigger-activity-label"
            data={[
              { value: '', label: 'All' },
              { value: 'true', label: 'Active' },
              { value: 'false', label: 'Inactive' },
            ]}
            value={filters.is_active ?? ''}
            onChange={(value) => onChange('is_active', value)}
          />
        </Stack>
      </Group>
    </Stack>
  );
}
