import { Table, Text } from '@mantine/core';
import type { ControlCenterRun } from '../../api/control-center-api';
import { formatInstant } from '../../format/format-instant';
import { describeCounts } from './run-counts';

interface Props {
  runs: readonly ControlCenterRun[];
  timeZone: string;
}

/** The Control Center log: one row per run, newest first, its error in red on its own row. */
export function RunLogTable({ runs, timeZone }: Props) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="sm" aria-label="Control Center runs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Ran at, studio time ({timeZone})</Table.Th>
            <Table.Th scope="col">Took</Table.Th>
            <Table.Th scope="col">What it did</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => (
            <Table.Tr key={run.id}>
              <Table.Td>{formatInstant(run.run_at, timeZone)}</Table.Td>
              <Table.Td>{run.finished_at ? took(run.started_at, run.finished_at) : 'Running'}</Table.Td>
              <Table.Td>
                <Text size="sm">{describeCounts(run.counts)}</Text>
                {run.error && (
                  <Text size="sm" c="red">
                    Error: {run.error}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function took(started: string, finished: string): string {
  const ms = Date.parse(finished) - Date.parse(started);
  return ms < 1000 ? `${Math.max(ms, 0)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
