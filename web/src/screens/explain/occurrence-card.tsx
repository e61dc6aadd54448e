import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ExplainOccurrence } from '../../api/insight-api';
import { formatInstant } from '../../format/format-instant';
import { ExclusionsTable } from './exclusions-table';
import { explainValue } from './explain-value';
import { ItemHistoryList } from './item-history-list';

/** One occurrence (a session date, a stay in a status, a year): its trigger date, exclusions and item. */
export function OccurrenceCard({
  occurrence,
  timeZone,
}: {
  occurrence: ExplainOccurrence;
  timeZone: string;
}) {
  const o = occurrence;
  const heading = `Occurrence of ${explainValue(o.anchor_value, timeZone)}`;
  return (
    <Paper withBorder p="md" component="section" aria-label={heading}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {heading}
          </Title>
          <Badge color={o.item ? 'green' : o.disqualification ? 'red' : 'gray'} variant="light">
            {o.verdict}
          </Badge>
        </Group>
        <Text size="sm">
          Trigger date: {o.trigger_date ? formatInstant(o.trigger_date, timeZone) : 'none'}
          {o.has_come ? ' (has come)' : ' (still ahead)'}
          {o.baselined ? ' · baselined: it had passed when the trigger was activated or last changed' : ''}
        </Text>
        {o.exclusions.length > 0 && (
          <ExclusionsTable exclusions={o.exclusions} timeZone={timeZone} label={`Exclusions: ${heading}`} />
        )}
        {o.item ? (
          <ItemHistoryList item={o.item} timeZone={timeZone} />
        ) : (
          <Text size="sm" c="dimmed">
            No item was made for this occurrence.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
