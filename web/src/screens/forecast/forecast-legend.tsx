import { Box, Group, Text } from '@mantine/core';
import type { Forecast } from '../../api/insight-api';
import { TriggerDot } from './trigger-dot';

interface Props {
  triggers: Forecast['triggers'];
  colour: (triggerId: number) => string;
}

/** Which colour is which trigger (with its count over the window), and what shading means. */
export function ForecastLegend({ triggers, colour }: Props) {
  return (
    <Group component="ul" gap="md" aria-label="Legend" m={0} p={0} style={{ listStyle: 'none' }}>
      {triggers
        .filter((t) => t.count > 0)
        .map((t) => (
          <Group component="li" key={t.trigger_id} gap={6} wrap="nowrap">
            <TriggerDot colour={colour(t.trigger_id)} />
            <Text size="sm">
              {t.name} ({t.count})
            </Text>
          </Group>
        ))}
      <Group component="li" gap={6} wrap="nowrap">
        <Box
          component="span"
          aria-hidden
          w={14}
          h={14}
          bg="var(--mantine-color-gray-1)"
          bd="1px solid var(--mantine-color-gray-4)"
        />
        <Text size="sm">Shaded: not a work day</Text>
      </Group>
    </Group>
  );
}
