import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/**
 * Nothing waits. Items come from the Control Center's evaluation, so the way to get some is a
 * trigger whose date comes up (and, in a sandbox, moving the test clock on).
 */
export function QueueEmptyState({ isSandbox }: { isSandbox: boolean }) {
  return (
    <Paper withBorder p="xl" ta="center">
      <Stack align="center" gap="xs">
        <Title order={2} size="h4">
          Nothing is waiting to be processed
        </Title>
        <Text c="dimmed" maw={560}>
          An item appears here when an active trigger’s date comes up for a record. The Control Center checks
          every minute; see the{' '}
          <Anchor component={Link} to="/triggers">
            Triggers
          </Anchor>{' '}
          for what is active and what each one has waiting.
          {isSandbox &&
            ' This is a sandbox studio: advance its test clock (POST /api/v1/clock/advance) to bring dates on.'}
        </Text>
      </Stack>
    </Paper>
  );
}
