import { Group, Stack, Title } from '@mantine/core';
import type { RecordData } from '../../api/records-api';
import { useSession } from '../../session/session-context';
import { DeleteRecordButton } from '../records/delete-record-button';
import { RecordForm } from '../records/record-form';
import { recordTitle } from '../records/record-title';
import type { CatalogChoice } from './catalog-choice';

/** A new or existing entry of a catalog, edited in place on the Catalogs tab; entries can be deleted. */
export function CatalogEntryEditor({
  choice,
  entry,
  onDone,
}: {
  choice: CatalogChoice;
  entry: RecordData | null;
  onDone: () => void;
}) {
  const { studio } = useSession();
  const { kind, of } = choice;
  const title = entry ? recordTitle(kind, entry, studio.time_zone) : null;
  return (
    <Stack maw={820}>
      <Group justify="space-between">
        <Title order={2} size="h4">
          {title ? `Edit “${title}”` : `New ${kind.label.toLowerCase()}`}
        </Title>
        {entry && title && <DeleteRecordButton kind={kind} record={entry} title={title} onDeleted={onDone} />}
      </Group>
      <RecordForm
        kind={kind}
        record={entry}
        prefill={of ? { kind: of } : {}}
        onSaved={onDone}
        onCancel={onDone}
      />
    </Stack>
  );
}
