import { Group, Select } from '@mantine/core';
import { idOf, idValue } from './use-catalog-options';
import { useListOptions } from './use-list-options';

type Referral = { program_id: number | null; when_enrolled: string } | null;

interface Props {
  value: Referral | undefined;
  errors: Readonly<Record<string, string>>;
  onChange: (value: Referral) => void;
}

const WHEN_ENROLLED = [
  { value: 'do_not_send', label: 'Do not send' },
  { value: 'keep', label: 'Send, keep the enrollment' },
  { value: 'switch', label: 'Send, switch to this program' },
];

/** Referral Program Options: the program the message invites to, and what happens if already enrolled. */
export function ReferralFields({ value, errors, onChange }: Props) {
  const programs = useListOptions('/referral-programs');
  return (
    <Group align="flex-start" gap="sm" wrap="wrap">
      <Select
        label="Referral program"
        placeholder="None"
        clearable
        w={260}
        data={programs}
        value={idValue(value?.program_id)}
        error={errors['action_settings.referral'] ?? errors['action_settings.referral.program_id']}
        onChange={(next) =>
          onChange(
            next ? { program_id: idOf(next), when_enrolled: value?.when_enrolled ?? 'do_not_send' } : null,
          )
        }
      />
      {value && (
        <Select
          label="When the client is already enrolled"
          w={280}
          allowDeselect={false}
          data={WHEN_ENROLLED}
          value={value.when_enrolled}
          error={errors['action_settings.referral.when_enrolled']}
          onChange={(next) => next && onChange({ ...value, when_enrolled: next })}
        />
      )}
    </Group>
  );
}
