import { Alert, List, Text } from '@mantine/core';
import type { AdvanceResult } from '../../api/control-center-api';
import { formatInstant } from '../../format/format-instant';
import { describeCounts } from './run-counts';

/** What the last advance did, all runs together; a run that failed is named with its error. */
export function AdvanceSummary({ result, timeZone }: { result: AdvanceResult; timeZone: string }) {
  const failed = result.errors.length > 0;
  return (
    <Alert
      color={failed ? 'red' : 'teal'}
      role="status"
      title={`The clock moved to ${formatInstant(result.to, timeZone)} (${timeZone})`}
    >
      <Text size="sm">
        {result.runs} run{result.runs === 1 ? '' : 's'}: {describeCounts(result.totals)}.
      </Text>
      {failed && (
        <List size="sm">
          {result.errors.map((e) => (
            <List.Item key={e.run_at}>
              {formatInstant(e.run_at, timeZone)}: {e.error}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
