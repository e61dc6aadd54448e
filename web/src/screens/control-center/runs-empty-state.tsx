import { Paper, Stack, Text, Title } from '@mantine/core';

/**
 * No run yet. A sandbox whose test clock was advanced runs only when it is advanced again; any other
 * studio's first run comes within the Control Center's interval once the server runs it.
 */
export function RunsEmptyState({ canAdvance }: { canAdvance: boolean }) {
  return (
    <Paper withBorder p="xl" ta="center">
      <Stack align="center" gap="xs">
        <Title order={2} size="h4">
          The Control Center has not run for this studio yet
        </Title>
        <Text c="dimmed" maw={520}>
          {canAdvance
            ? 'Advance the test clock above to run it: every run will be listed here with what it did.'
            : 'It runs every minute while the server runs it (CONTROL_CENTER, see the configuration guide); each run will be listed here with what it did.'}
        </Text>
      </Stack>
    </Paper>
  );
}
