import { Anchor, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ForecastEntry } from '../../api/insight-api';
import { formatInstant } from '../../format/format-instant';
import { RecordLink } from '../../shell/record-link';
import { queueItemRecord } from '../queue/record-label';

interface Props {
  date: string;
  count: number;
  entries: readonly ForecastEntry[];
  triggerName: (triggerId: number) => string;
  timeZone: string;
}

/** A studio-local day and what falls due on it; each record links to its page and to its explanation. */
export function ForecastDaySection({ date, count, entries, triggerName, timeZone }: Props) {
  const heading = new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  }).format(new Date(`${date}T00:00:00Z`));
  return (
    <Paper withBorder p="md" component="section" aria-label={heading}>
      <Stack gap="xs">
        <Title order={2} size="h5">
          {heading}{' '}
          <Badge variant="light" ml="xs">
            {count} due
          </Badge>
        </Title>
        {count === 0 && <Text size="sm">Nothing falls due this day. Pick another day in the calendar.</Text>}
        {entries.length < count && (
          <Text size="sm" c="dimmed">
            {count - entries.length} more not listed (the forecast lists the first 500).
          </Text>
        )}
        {entries.length > 0 && (
          <Table.ScrollContainer minWidth={520}>
            <Table aria-label={`Due on ${heading}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Trigger</Table.Th>
                  <Table.Th>Record</Table.Th>
                  <Table.Th>Falls due ({timeZone})</Table.Th>
                  <Table.Th>Why</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e) => (
                  <Table.Tr key={`${e.trigger_id}:${e.occurrence_key}`}>
                    <Table.Td>{triggerName(e.trigger_id)}</Table.Td>
                    <Table.Td>
                      <RecordLink kind={e.record_kind} id={e.record_id}>
                        {queueItemRecord(e)}
                      </RecordLink>
                    </Table.Td>
                    <Table.Td>{formatInstant(e.trigger_date, timeZone)}</Table.Td>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/explain?trigger_id=${e.trigger_id}&record_id=${e.record_id}`}
                        aria-label={`Explain ${queueItemRecord(e)}`}
                        inherit
                      >
                        Explain
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
