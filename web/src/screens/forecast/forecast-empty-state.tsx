import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** Nothing falls due: where to go next (only active triggers are forecast). */
export function ForecastEmptyState({ days }: { days: number }) {
  return (
    <Paper withBorder p="xl" ta="center">
      <Stack align="center" gap="xs">
        <Title order={2} size="h4">
          Nothing falls due in the next {days} days
        </Title>
        <Text c="dimmed" maw={520}>
          Only active triggers are forecast. Activate a trigger, or look further ahead; to see why a record
          will not get a trigger, use Explain.
        </Text>
        <Group>
          <Button component={Link} to="/triggers" variant="light">
            Triggers
          </Button>
          <Button component={Link} to="/explain" variant="default">
            Explain
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
