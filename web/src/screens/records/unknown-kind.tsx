import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** An address under /records that names no kind of record: say so and lead back. */
export function UnknownKind({ path }: { path: string | undefined }) {
  return (
    <Stack>
      <Title order={1}>No such records</Title>
      <Text>
        “{path}” is not a kind of studio record.{' '}
        <Anchor component={Link} to="/records">
          See every kind of record
        </Anchor>
        .
      </Text>
    </Stack>
  );
}
