import { Button, Group, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { FieldDef, RecordKind } from '../../../../src/domain/record-kinds/index';
import type { RecordData } from '../../api/records-api';
import { RecordList } from './record-list';
import { RECORD_SCREEN_KINDS } from './screen-kinds';

interface Related {
  readonly kind: RecordKind;
  readonly field: FieldDef;
}

/**
 * The records of other kinds that refer to this one, by the first field of each kind that does:
 * a client's family members, sessions, appointments, invoices…; a session's appointments and
 * preproduction orders; an invoice's production orders. Derived from the registry's refs.
 */
export function relatedKinds(kind: RecordKind): Related[] {
  return RECORD_SCREEN_KINDS.filter((other) => other.name !== kind.name).flatMap((other) => {
    const field = other.fields.find((f) => f.type === 'ref' && f.ref === kind.name && !f.readOnly);
    return field ? [{ kind: other, field }] : [];
  });
}

export function RelatedRecords({ kind, record }: { kind: RecordKind; record: RecordData }) {
  return (
    <Stack gap="xl">
      {relatedKinds(kind).map(({ kind: other, field }) => {
        const noun = other.label.toLowerCase();
        const back = `/records/${kind.path}/${record.id}`;
        const add = `/records/${other.path}/new?${field.name}=${record.id}&back=${encodeURIComponent(back)}`;
        return (
          <Stack key={other.name} gap="xs" component="section" aria-label={other.plural}>
            <Group justify="space-between">
              <Title order={2} size="h3">
                {other.plural}
              </Title>
              <Button component={Link} to={add} variant="light" size="compact-md">
                Add {noun}
              </Button>
            </Group>
            <RecordList
              kind={other}
              filters={{ [field.name]: String(record.id) }}
              label={`${other.plural} of this ${kind.label.toLowerCase()}`}
              emptyHint={`No ${other.plural.toLowerCase()} yet. Add one with “Add ${noun}”.`}
            />
          </Stack>
        );
      })}
    </Stack>
  );
}
