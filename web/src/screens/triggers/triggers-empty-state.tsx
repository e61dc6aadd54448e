import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';

/**
 * Nothing to list. With filters on, the way out is to loosen them; without, the studio has no
 * triggers yet: "New trigger" above the list makes the first one (or the API does).
 */
export function TriggersEmptyState({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  return (
    <Paper withBorder p="xl" ta="center">
      <Stack align="center" gap="xs">
        {filtered ? (
          <>
            <Title order={2} size="h4">
              No triggers match these filters
            </Title>
            <Text c="dimmed">Loosen a filter or clear them all to see every trigger of the studio.</Text>
            <Button variant="light" onClick={onClear}>
              Clear filters
            </Button>
          </>
        ) : (
          <>
            <Title order={2} size="h4">
              This studio has no triggers yet
            </Title>
            <Text c="dimmed" maw={520}>
              A trigger sends an email or SMS, makes a task or changes a status when a date or a status of a
              record comes up. Create the first one with New trigger above, or through{' '}
              <code>POST /api/v1/triggers</code> (see the <Anchor href="/api/docs">API documentation</Anchor>
              ).
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
