import { Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import type { CollectionDef, RecordKind } from '../../../../src/domain/record-kinds/index';
import { useSession } from '../../session/session-context';
import { rowDraftOf, type RowDraft } from './record-draft';
import { RecordFieldInput } from './record-field-input';

interface Props {
  kind: RecordKind;
  collection: CollectionDef;
  rows: RowDraft[];
  onChange: (rows: RowDraft[]) => void;
  /** Problems by path, e.g. `phones.0.number`. */
  errors: Record<string, string>;
}

/** A record's child rows (a client's phone numbers), added and removed as rows; saved as a whole. */
export function CollectionInput({ kind, collection, rows, onChange, errors }: Props) {
  const { studio } = useSession();
  const noun = collection.label
    .toLowerCase()
    .replace(/s$/, '')
    .replace(/addresse$/, 'address');
  const setField = (index: number, name: string, value: RowDraft[string]) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, [name]: value } : row)));
  return (
    <Fieldset legend={collection.label}>
      <Stack gap="sm">
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            None yet. Add one with “Add {noun}”.
          </Text>
        )}
        {rows.map((row, index) => (
          <Group key={index} align="flex-end" wrap="wrap" role="group" aria-label={`${noun} ${index + 1}`}>
            {collection.fields.map((field) => (
              <RecordFieldInput
                key={field.name}
                kind={kind}
                field={field}
                value={row[field.name] ?? null}
                onChange={(value) => setField(index, field.name, value)}
                error={errors[`${collection.name}.${index}.${field.name}`]}
              />
            ))}
            <Button
              variant="subtle"
              color="red"
              aria-label={`Remove ${noun} ${index + 1}`}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              Remove
            </Button>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            onClick={() => onChange([...rows, rowDraftOf(collection.fields, undefined, studio.time_zone)])}
          >
            Add {noun}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
