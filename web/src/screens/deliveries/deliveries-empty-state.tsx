import { Button, Paper, Stack, Text, Title } from '@mantine/core';

/**
 * Nothing to list. With filters on, loosen them; without, nothing has been sent yet: emails and SMS
 * come from processing triggered items.
 */
export function DeliveriesEmptyState({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  return (
    <Paper withBorder p="xl" ta="center">
      <Stack align="center" gap="xs">
        {filtered ? (
          <>
            <Title order={2} size="h4">
              No deliveries match these filters
            </Title>
            <Text c="dimmed">
              Loosen a filter or clear them all to see every email and SMS of the studio.
            </Text>
            <Button variant="light" onClick={onClear}>
              Clear filters
            </Button>
          </>
        ) : (
          <>
            <Title order={2} size="h4">
              No email or SMS has been sent yet
            </Title>
            <Text c="dimmed" maw={520}>
              Each email and SMS that processing a triggered item writes appears here with its delivery.
              Process pending items from the queue, or let the Control Center process an automatic
              trigger&apos;s items.
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
