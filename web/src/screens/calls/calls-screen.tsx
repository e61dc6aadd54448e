import { Alert, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { listCalls, type PhoneCall } from '../../api/calls-api';
import { useSession } from '../../session/session-context';
import { CallOutcomeDrawer } from './call-outcome-drawer';
import { CallsTable } from './calls-table';
import { ScreenLoader } from '../../shell/screen-loader';

/** The call list: calls to make (open) or made (done); open or done lives in the address. */
export function CallsScreen() {
  const { api } = useSession();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') === 'done' ? 'done' : 'open';
  const [calls, setCalls] = useState<readonly PhoneCall[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let current = true;
    setError(null);
    listCalls(api, state).then(
      (page) => current && setCalls(page.data),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, state, reload]);

  return (
    <Stack>
      <Title order={1}>Calls</Title>
      <SegmentedControl
        aria-label="Which calls"
        w={240}
        value={state}
        onChange={(value) => {
          setCalls(null);
          setParams(value === 'done' ? { state: 'done' } : {});
        }}
        data={[
          { value: 'open', label: 'To make' },
          { value: 'done', label: 'Done' },
        ]}
      />
      {error && (
        <Alert color="red" role="alert" title="The calls could not be loaded">
          {error}
        </Alert>
      )}
      {!calls && !error && <ScreenLoader label="Loading calls" />}
      {calls && calls.length === 0 && (
        <Paper withBorder p="xl" ta="center">
          <Text c="dimmed" maw={560} mx="auto">
            {state === 'open'
              ? 'No calls to make. A call joins this list when a trigger with a phone call action is processed; process pending items on Process Triggers.'
              : 'No call has been completed yet. Log "reached" or "wrong number" on a call to make to complete it.'}
          </Text>
        </Paper>
      )}
      {calls && calls.length > 0 && <CallsTable calls={calls} onOpen={(call) => setOpen(call.id)} />}
      <CallOutcomeDrawer
        callId={open}
        onClose={() => setOpen(null)}
        onLogged={() => setReload((n) => n + 1)}
      />
    </Stack>
  );
}
