import { Group, Select } from '@mantine/core';
import { idOf, idValue } from './use-catalog-options';
import { useListOptions } from './use-list-options';

type SendTo = { to: string; relationship_id?: number | null };

interface Props {
  value: SendTo | undefined;
  errors: Readonly<Record<string, string>>;
  onChange: (value: SendTo) => void;
}

const TARGETS = [
  { value: 'client', label: 'The client' },
  { value: 'family_member', label: 'A family member' },
  { value: 'staff', label: 'The assigned staff member' },
  { value: 'studio', label: 'The studio' },
];

/** Send To: the client (default), a family member of a relationship, the staff member or the studio. */
export function SendToFields({ value, errors, onChange }: Props) {
  const to = value?.to ?? 'client';
  const relationships = useListOptions(to === 'family_member' ? '/relationships' : null);
  return (
    <Group align="flex-start" gap="sm" wrap="wrap">
      <Select
        label="Send To"
        w={260}
        allowDeselect={false}
        data={TARGETS}
        value={to}
        error={errors['action_settings.send_to'] ?? errors['action_settings.send_to.to']}
        onChange={(next) =>
          next && onChange(next === 'family_member' ? { to: next, relationship_id: null } : { to: next })
        }
      />
      {to === 'family_member' && (
        <Select
          label="Relationship"
          required
          w={220}
          data={relationships}
          value={idValue(value?.relationship_id)}
          error={errors['action_settings.send_to.relationship_id']}
          onChange={(next) => onChange({ to, relationship_id: idOf(next) })}
        />
      )}
    </Group>
  );
}
