import { Alert, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { getClock } from '../api/studio-api';
import { formatInstant } from '../format/format-instant';
import { onClockMoved } from '../session/clock-moved';
import { useSession } from '../session/session-context';

const CLOCK_REFRESH_MS = 60_000;

/**
 * On every screen of a sandbox studio: a banner that names it a sandbox, so nobody mistakes test
 * data for the real studio, with the time of its test clock (which the engine uses, not today's
 * date), in the studio's time zone. The clock is read again every minute, as it moves with real
 * time when no test clock is set, and at once when the Control Center screen advances it.
 */
export function SandboxBanner() {
  const { api, studio, clock: first } = useSession();
  const [clock, setClock] = useState(first);

  useEffect(() => {
    if (!studio.is_sandbox) return;
    const refresh = () => {
      getClock(api).then(setClock, () => {});
    };
    const timer = setInterval(refresh, CLOCK_REFRESH_MS);
    const stopListening = onClockMoved(refresh);
    return () => {
      clearInterval(timer);
      stopListening();
    };
  }, [api, studio.is_sandbox]);

  if (!studio.is_sandbox) return null;
  return (
    <Alert
      color="orange"
      variant="filled"
      mb="md"
      role="status"
      aria-label="Sandbox studio"
      title="Sandbox studio"
    >
      <Text size="sm">
        {studio.name} is a sandbox: nothing here reaches real clients.{' '}
        {clock.test_clock ? 'Test clock' : 'Studio time'}:{' '}
        <strong>{formatInstant(clock.now, studio.time_zone)}</strong> ({studio.time_zone})
      </Text>
    </Alert>
  );
}
