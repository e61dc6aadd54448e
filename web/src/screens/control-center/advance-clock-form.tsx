import { Alert, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/api-error';
import { advanceClock, type AdvanceResult } from '../../api/control-center-api';
import { instantOfStudioTime, studioTimeOfInstant } from '../../format/studio-local-time';
import { useSession } from '../../session/session-context';
import { announceClockMoved } from '../../session/clock-moved';
import { AdvanceConfirmation } from './advance-confirmation';

interface Props {
  now: string;
  onAdvanced: (result: AdvanceResult) => void;
}

const HOUR_MS = 3_600_000;

/**
 * Moves a sandbox's test clock forward to a studio-local date and time, optionally running the
 * Control Center every so many minutes on the way; what would happen is confirmed first, as a clock
 * never goes back.
 */
export function AdvanceClockForm({ now, onAdvanced }: Props) {
  const { api, studio } = useSession();
  const [to, setTo] = useState(() =>
    studioTimeOfInstant(new Date(Date.parse(now) + HOUR_MS).toISOString(), studio.time_zone),
  );
  const [step, setStep] = useState<number | ''>('');
  const [asking, setAsking] = useState<{ to: string; runs: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);

  const ask = (event: FormEvent) => {
    event.preventDefault();
    setFieldErrors({});
    setMessage(null);
    if (!to) {
      setFieldErrors({ to: 'Choose the date and time to advance to' });
      return;
    }
    const instant = instantOfStudioTime(to, studio.time_zone);
    const span = Date.parse(instant) - Date.parse(now);
    const runs = step ? Math.max(1, Math.ceil(span / (step * 60_000))) : 1;
    setAsking({ to: instant, runs });
  };

  const advance = async () => {
    if (!asking) return;
    setBusy(true);
    try {
      onAdvanced(await advanceClock(api, asking.to, step || null));
      announceClockMoved();
    } catch (failure) {
      if (failure instanceof ApiError) {
        setFieldErrors(failure.fieldErrors());
        setMessage(failure.formMessage());
      } else setMessage((failure as Error).message);
    } finally {
      setBusy(false);
      setAsking(null);
    }
  };

  return (
    <form onSubmit={ask} aria-label="Advance the test clock" noValidate>
      <Stack gap="sm">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            type="datetime-local"
            label={`Advance to (${studio.time_zone})`}
            w={260}
            required
            value={to}
            error={fieldErrors.to}
            onChange={(event) => setTo(event.currentTarget.value)}
          />
          <NumberInput
            label="Run every (minutes)"
            description="Empty: run once, at that time"
            w={200}
            min={1}
            allowDecimal={false}
            value={step}
            error={fieldErrors.step_minutes}
            onChange={(value) => setStep(typeof value === 'number' ? value : '')}
          />
        </Group>
        {message && (
          <Alert color="red" role="alert" title="The clock was not advanced">
            {message}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={busy}>
            Advance clock
          </Button>
          <Text size="sm" c="dimmed">
            A test clock never moves backwards.
          </Text>
        </Group>
      </Stack>
      <AdvanceConfirmation
        request={asking}
        busy={busy}
        onConfirm={() => void advance()}
        onCancel={() => setAsking(null)}
      />
    </form>
  );
}
