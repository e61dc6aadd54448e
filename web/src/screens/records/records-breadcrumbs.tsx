import { Anchor, Breadcrumbs } from '@mantine/core';
import { Link } from 'react-router';
import type { RecordKind } from '../../../../src/domain/record-kinds/index';

/** Records › Clients › (here): the way back from a list, a new record or a record's page. */
export function RecordsBreadcrumbs({ kind, here }: { kind: RecordKind; here?: string }) {
  return (
    <Breadcrumbs>
      <Anchor component={Link} to="/records">
        Records
      </Anchor>
      {here === undefined ? (
        <span>{kind.plural}</span>
      ) : (
        <Anchor component={Link} to={`/records/${kind.path}`}>
          {kind.plural}
        </Anchor>
      )}
      {here !== undefined && <span>{here}</span>}
    </Breadcrumbs>
  );
}
