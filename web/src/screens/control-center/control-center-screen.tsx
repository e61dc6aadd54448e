import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { canChangeSettings } from '../../api/auth-api';
import { listRuns, type AdvanceResult, type ControlCenterRun } from '../../api/control-center-api';
import { getClock, type StudioClock } from '../../api/studio-api';
import { formatInstant } from '../../format/format-instant';
import { useSession } from '../../session/session-context';
import { AdvanceClockForm } from './advance-clock-form';
import { AdvanceSummary } from './advance-summary';
import { RunLogTable } from './run-log-table';
import { RunsEmptyState } from './runs-empty-state';
import { ScreenLoader } from '../../shell/screen-loader';

/**
 * The Control Center log (SPEC §4: every run with its counts and errors, visible to staff) and the
 * studio's clock; in a sandbox, owners and admins advance its test clock from here.
 */
export function ControlCenterScreen() {
  const { api, studio, caller, clock: first } = useSession();
  const [clock, setClock] = useState<StudioClock>(first);
  const [runs, setRuns] = useState<ControlCenterRun[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [advanced, setAdvanced] = useState<AdvanceResult | null>(null);
  const [reload, setReload] = useState(0);
  const canAdvance = studio.is_sandbox && canChangeSettings(caller.role);

  useEffect(() => {
    let current = true;
    Promise.all([listRuns(api), getClock(api)]).then(
      ([page, now]) => {
        if (!current) return;
        setRuns(page.data);
        setClock(now);
      },
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, reload]);

  return (
    <Stack>
      <Title order={1}>Control Center</Title>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text>
            {clock.test_clock ? 'Test clock' : 'Studio time'}:{' '}
            <strong>{formatInstant(clock.now, studio.time_zone)}</strong> ({studio.time_zone})
          </Text>
          {canAdvance && (
            <AdvanceClockForm
              key={clock.now}
              now={clock.now}
              onAdvanced={(result) => {
                setAdvanced(result);
                setReload((n) => n + 1);
              }}
            />
          )}
          {advanced && <AdvanceSummary result={advanced} timeZone={studio.time_zone} />}
        </Stack>
      </Paper>
      <Title order={2} size="h3">
        Runs
      </Title>
      {error && (
        <Alert color="red" role="alert" title="The Control Center log could not be loaded">
          {error}
        </Alert>
      )}
      {!runs && !error && <ScreenLoader label="Loading the Control Center log" />}
      {runs && runs.length === 0 && <RunsEmptyState canAdvance={canAdvance} />}
      {runs && runs.length > 0 && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            The last {runs.length} run{runs.length === 1 ? '' : 's'}, newest first
          </Text>
          <RunLogTable runs={runs} timeZone={studio.time_zone} />
        </>
      )}
    </Stack>
  );
}
