import { Alert, Button, Drawer, List, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { getCall, logCallOutcome, type CallOutcome, type PhoneCallDetail } from '../../api/calls-api';
import { formatInstant } from '../../format/format-instant';
import { useFormRequest } from '../../api/use-form-request';
import { useSession } from '../../session/session-context';
import { CALL_OUTCOME_WORDS } from './call-outcome-words';

interface Props {
  callId: number | null;
  onClose: () => void;
  onLogged: () => void;
}

/** A call's attempts so far, and the form to log the next one (an outcome and a note). */
export function CallOutcomeDrawer({ callId, onClose, onLogged }: Props) {
  const { api, studio } = useSession();
  const [call, setCall] = useState<PhoneCallDetail | null>(null);
  const [outcome, setOutcome] = useState<CallOutcome | null>(null);
  const [note, setNote] = useState('');
  // No outcome picked is said before asking the API; what the API refuses comes from the request.
  const [noOutcome, setNoOutcome] = useState<string | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { fields: problems, message, busy, submit, reset } = useFormRequest();
  const error = loadError ?? message;

  useEffect(() => {
    let current = true;
    setCall(null);
    setOutcome(null);
    setNote('');
    setNoOutcome(undefined);
    setLoadError(null);
    reset();
    if (callId === null) return;
    getCall(api, callId).then(
      (answer) => current && setCall(answer),
      (failure: Error) => current && setLoadError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, callId, reset]);

  const save = async () => {
    if (callId === null) return;
    if (!outcome) {
      setNoOutcome('Pick what happened on the call');
      return;
    }
    setNoOutcome(undefined);
    if (!(await submit(() => logCallOutcome(api, callId, outcome, note)))) return;
    onLogged();
    onClose();
  };

  return (
    <Drawer opened={callId !== null} onClose={onClose} position="right" title="Call outcome">
      <Stack>
        {error && (
          <Alert color="red" role="alert" title="The outcome was not logged">
            {error}
          </Alert>
        )}
        {call && (
          <>
            <Text fw={600}>
              {call.recipient_name ?? `Call #${call.id}`} · {call.to_address ?? 'no number'}
            </Text>
            {call.body_text && <Text size="sm">{call.body_text}</Text>}
            <Text size="sm" fw={600}>
              Attempts ({studio.time_zone})
            </Text>
            {call.outcomes.length === 0 ? (
              <Text size="sm" c="dimmed">
                Not tried yet.
              </Text>
            ) : (
              <List size="sm" aria-label="Attempts">
                {call.outcomes.map((o) => (
                  <List.Item key={o.id}>
                    {formatInstant(o.at, studio.time_zone)}: {CALL_OUTCOME_WORDS[o.outcome]}
                    {o.note ? ` — ${o.note}` : ''}
                  </List.Item>
                ))}
              </List>
            )}
            {call.completed_at ? (
              <Text size="sm" c="dimmed">
                This call is done; it takes no further attempts.
              </Text>
            ) : (
              <>
                <Radio.Group
                  label="What happened"
                  description="Reached and wrong number end the call; the others keep it on the list."
                  value={outcome}
                  onChange={(value) => setOutcome(value as CallOutcome)}
                  error={noOutcome ?? problems.outcome}
                >
                  <Stack gap="xs" mt="xs">
                    {Object.entries(CALL_OUTCOME_WORDS).map(([value, label]) => (
                      <Radio key={value} value={value} label={label} />
                    ))}
                  </Stack>
                </Radio.Group>
                <Textarea
                  label="Note"
                  value={note}
                  onChange={(event) => setNote(event.currentTarget.value)}
                  error={problems.note}
                  rows={3}
                />
                <Button loading={busy} onClick={() => void save()}>
                  Log outcome
                </Button>
              </>
            )}
          </>
        )}
      </Stack>
    </Drawer>
  );
}
