import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** An address the app has no screen for (yet). */
export function NotFoundScreen() {
  return (
    <Stack>
      <Title order={1}>No such page</Title>
      <Text>This address is not a page of Triggerfish.</Text>
      <Anchor component={Link} to="/triggers">
        Go to the triggers
      </Anchor>
    </Stack>
  );
}
