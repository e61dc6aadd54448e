import { Button, Group, Stack, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { RecordList } from './record-list';
import { RecordsBreadcrumbs } from './records-breadcrumbs';
import { kindByPath } from './screen-kinds';
import { UnknownKind } from './unknown-kind';

/** /records/:path — the list of one kind of record, with a way to add one. */
export function RecordListScreen() {
  const { path } = useParams();
  const kind = kindByPath(path);
  if (!kind || kind.category !== 'record') return <UnknownKind path={path} />;
  const noun = kind.label.toLowerCase();
  return (
    <Stack>
      <RecordsBreadcrumbs kind={kind} />
      <Group justify="space-between">
        <Title order={1}>{kind.plural}</Title>
        <Button component={Link} to={`/records/${kind.path}/new`}>
          New {noun}
        </Button>
      </Group>
      <RecordList
        kind={kind}
        emptyHint={`No ${kind.plural.toLowerCase()} yet. Add the first one with “New ${noun}”.`}
      />
    </Stack>
  );
}
