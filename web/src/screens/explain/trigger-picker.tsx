import { Select } from '@mantine/core';
import type { TriggerSummary } from '../../api/triggers-api';

interface Props {
  triggers: readonly TriggerSummary[];
  value: number | null;
  onChange: (triggerId: number | null) => void;
}

/** The trigger to explain; inactive ones are offered too (explain says so as a criterion). */
export function TriggerPicker({ triggers, value, onChange }: Props) {
  return (
    <Select
      label="Trigger"
      placeholder="Pick a trigger"
      searchable
      data={triggers.map((t) => ({
        value: String(t.id),
        label: `${t.name}${t.is_active ? '' : ' (inactive)'}`,
      }))}
      value={value === null ? null : String(value)}
      onChange={(next) => onChange(next ? Number(next) : null)}
      nothingFoundMessage="No trigger has that name"
    />
  );
}
