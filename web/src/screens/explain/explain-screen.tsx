import { Alert, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { explainTrigger, type Explanation } from '../../api/insight-api';
import { listTriggers, type TriggerSummary } from '../../api/triggers-api';
import { useSession } from '../../session/session-context';
import { ExplanationView } from './explanation-view';
import { RecordPicker } from './record-picker';
import { TriggerPicker } from './trigger-picker';
import { ScreenLoader } from '../../shell/screen-loader';

const idOf = (text: string | null) => (text && /^\d+$/.test(text) ? Number(text) : null);

/**
 * Why did (or didn't) a record get a trigger? The trigger and the record live in the address, so an
 * explanation can be sent to a colleague as a link.
 */
export function ExplainScreen() {
  const { api, studio } = useSession();
  const [params, setParams] = useSearchParams();
  const triggerId = idOf(params.get('trigger_id'));
  const recordId = idOf(params.get('record_id'));
  const [triggers, setTriggers] = useState<readonly TriggerSummary[] | null>(null);
  const [explanation, setExplanation] = useState<Explanation | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    listTriggers(api, {}).then(
      (page) => current && setTriggers(page.data),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api]);

  useEffect(() => {
    let current = true;
    setExplanation(null);
    if (triggerId === null || recordId === null) return;
    setError(null);
    explainTrigger(api, triggerId, recordId).then(
      (answer) => current && setExplanation(answer),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, triggerId, recordId]);

  const trigger = triggers?.find((t) => t.id === triggerId) ?? null;
  const choose = (next: { trigger_id?: number | null; record_id?: number | null }) => {
    const merged = { trigger_id: triggerId, record_id: recordId, ...next };
    const query = new URLSearchParams();
    if (merged.trigger_id !== null) query.set('trigger_id', String(merged.trigger_id));
    if (merged.record_id !== null) query.set('record_id', String(merged.record_id));
    setParams(query);
  };
  return (
    <Stack>
      <Title order={1}>Explain</Title>
      <Text c="dimmed">
        Pick a trigger and a record to read why the record did or did not get the trigger, criterion by
        criterion. Times are in {studio.time_zone}.
      </Text>
      {!triggers && !error && <ScreenLoader label="Loading triggers" />}
      {triggers && (
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TriggerPicker
              triggers={triggers}
              value={triggerId}
              onChange={(id) => {
                const kind = triggers.find((t) => t.id === id)?.record_kind;
                // A record of another kind cannot be explained against this trigger.
                choose({ trigger_id: id, record_id: kind === trigger?.record_kind ? recordId : null });
              }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            {trigger ? (
              <RecordPicker
                key={trigger.record_kind}
                kind={trigger.record_kind}
                value={recordId}
                onChange={(id) => choose({ record_id: id })}
              />
            ) : null}
          </Grid.Col>
        </Grid>
      )}
      {error && (
        <Alert color="red" role="alert" title="The explanation could not be loaded">
          {error}
        </Alert>
      )}
      {triggers && triggers.length === 0 && (
        <Paper withBorder p="xl" ta="center">
          <Text>This studio has no triggers yet. Create one on the Triggers screen, then come back.</Text>
        </Paper>
      )}
      {triggers && triggers.length > 0 && (triggerId === null || recordId === null) && !error && (
        <Paper withBorder p="xl" ta="center">
          <Text c="dimmed">
            {triggerId === null
              ? 'Start with the trigger you expected to fire.'
              : 'Now pick the record that should (or should not) have got it.'}
          </Text>
        </Paper>
      )}
      {triggerId !== null && recordId !== null && !explanation && !error && (
        <ScreenLoader label="Loading the explanation" />
      )}
      {explanation && <ExplanationView explanation={explanation} timeZone={studio.time_zone} />}
    </Stack>
  );
}
