import { Badge, Group, Text } from '@mantine/core';
import type { MarketingFlags as Flags } from '../../../api/record-history-api';

const CHANNELS = [
  ['allow_marketing_email', 'Email'],
  ['allow_marketing_sms', 'SMS'],
  ['allow_marketing_mail', 'Mail'],
  ['allow_marketing_phone', 'Phone'],
] as const;

/** The client's "Allow marketing" flags as they stand now, one badge per channel. */
export function MarketingFlags({ flags }: { flags: Flags }) {
  return (
    <Group gap="xs" aria-label="Allow marketing now" role="list">
      <Text size="sm" fw={600}>
        Allow marketing now:
      </Text>
      {CHANNELS.map(([field, label]) => (
        <Badge key={field} role="listitem" color={flags[field] ? 'teal' : 'gray'} variant="light">
          {label}: {flags[field] ? 'yes' : 'no'}
        </Badge>
      ))}
    </Group>
  );
}
