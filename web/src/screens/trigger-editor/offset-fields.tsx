import { Group, NumberInput, Select } from '@mantine/core';
import type { Offset, OffsetUnit, OffsetWhen } from '../../api/trigger-editor-api';

interface Props {
  offset: Offset;
  allowed: readonly OffsetWhen[];
  errors: Readonly<Record<string, string>>;
  onChange: (offset: Offset) => void;
}

const WHEN_LABELS: Record<OffsetWhen, string> = { on: 'On the date', before: 'Before', after: 'After' };
const UNITS: { value: OffsetUnit; label: string }[] = [
  { value: 'minutes', label: 'Minutes' },
  { value: 'hours', label: 'Hours' },
  { value: 'days', label: 'Days' },
  { value: 'business_days', label: 'Business days' },
];

/** On the date, or an amount of minutes, hours, days or business days before or after it. */
export function OffsetFields({ offset, allowed, errors, onChange }: Props) {
  const amount = offset.when === 'on' ? null : offset.amount;
  const unit = offset.when === 'on' ? 'days' : offset.unit;
  return (
    <Group align="flex-start" gap="sm" wrap="wrap">
      <Select
        label="When"
        w={160}
        allowDeselect={false}
        data={allowed.map((when) => ({ value: when, label: WHEN_LABELS[when] }))}
        value={offset.when}
        error={errors['offset.when']}
        onChange={(value) =>
          onChange(
            value === 'before' || value === 'after'
              ? { when: value, amount: amount ?? 1, unit }
              : { when: 'on' },
          )
        }
      />
      {offset.when !== 'on' && (
        <>
          <NumberInput
            label="Amount"
            w={120}
            min={1}
            allowDecimal={false}
            value={offset.amount}
            error={errors['offset.amount']}
            onChange={(value) => onChange({ ...offset, amount: Number(value) || 0 })}
          />
          <Select
            label="Unit"
            w={160}
            allowDeselect={false}
            data={UNITS}
            value={offset.unit}
            error={errors['offset.unit']}
            onChange={(value) => value && onChange({ ...offset, unit: value as OffsetUnit })}
          />
        </>
      )}
    </Group>
  );
}
