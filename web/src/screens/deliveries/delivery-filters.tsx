import { Group, Select } from '@mantine/core';
import type { DeliveryFilters as Filters } from '../../api/deliveries-api';
import { DELIVERY_STATES } from './delivery-states';

interface Props {
  filters: Filters;
  onChange: (name: keyof Filters, value: string | null) => void;
}

/** Narrow the outbox by channel, by state, and to the development inbox (capture). */
export function DeliveryFilters({ filters, onChange }: Props) {
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        label="Channel"
        placeholder="Email and SMS"
        clearable
        w={180}
        data={[
          { value: 'email', label: 'Email' },
          { value: 'sms', label: 'SMS' },
        ]}
        value={filters.channel ?? null}
        onChange={(value) => onChange('channel', value)}
      />
      <Select
        label="State"
        placeholder="Any state"
        clearable
        w={180}
        data={DELIVERY_STATES.map(({ value, label }) => ({ value, label }))}
        value={filters.delivery_state ?? null}
        onChange={(value) => onChange('delivery_state', value)}
      />
      <Select
        label="Sent through"
        placeholder="Any provider"
        clearable
        w={240}
        data={[
          { value: 'capture', label: 'Development inbox (capture)' },
          { value: 'smtp', label: 'SMTP' },
          { value: 'twilio', label: 'Twilio' },
        ]}
        value={filters.provider ?? null}
        onChange={(value) => onChange('provider', value)}
      />
    </Group>
  );
}
