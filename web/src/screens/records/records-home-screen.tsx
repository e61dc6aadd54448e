import { Anchor, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { RECORD_SCREEN_KINDS } from './screen-kinds';

/** Records: one entry per kind of studio record; catalogs are under Setup → Catalogs. */
export function RecordsHomeScreen() {
  return (
    <Stack>
      <Title order={1}>Records</Title>
      <Text size="sm" c="dimmed">
        The studio’s records that triggers read. Statuses, types and other catalogs are set up under Setup →
        Catalogs.
      </Text>
      <nav aria-label="Record kinds">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
          {RECORD_SCREEN_KINDS.map((kind) => (
            <Anchor key={kind.name} component={Link} to={`/records/${kind.path}`} size="lg">
              {kind.plural}
            </Anchor>
          ))}
        </SimpleGrid>
      </nav>
    </Stack>
  );
}
