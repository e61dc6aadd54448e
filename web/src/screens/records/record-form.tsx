import { Alert, SimpleGrid, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { FieldDef, RecordKind } from '../../../../src/domain/record-kinds/index';
import { formProblemsOf } from '../../api/api-error';
import { createRecord, updateRecord, type RecordData } from '../../api/records-api';
import { useSession } from '../../session/session-context';
import { SaveCancelButtons } from '../../shell/save-cancel-buttons';
import { CollectionInput } from './collection-input';
import { bodyOfDraft } from './record-body';
import { draftOf, type Draft, type DraftValue, type RowDraft } from './record-draft';
import { RecordFieldInput } from './record-field-input';
import { editableFields, isStatusField } from './screen-kinds';

interface Props {
  kind: RecordKind;
  /** The record to change; null creates one. */
  record: RecordData | null;
  /** Values a new record starts with, e.g. the client of a family member added from the client. */
  prefill?: Readonly<Record<string, unknown>>;
  onSaved: (record: RecordData) => void;
  onCancel: () => void;
}

const WIDE: readonly FieldDef['type'][] = ['long_text', 'json'];

/**
 * Creates or changes a record of any kind, its inputs derived from the registry: system fields are
 * never inputs, fields fixed once created only on create, and an existing record's status changes
 * through "Change status" (which keeps its history). The API's problems land on their fields.
 */
export function RecordForm({ kind, record, prefill, onSaved, onCancel }: Props) {
  const { api, studio } = useSession();
  const mode = record ? 'update' : 'create';
  const fields = editableFields(kind, mode).filter((f) => mode === 'create' || !isStatusField(kind, f));
  const [original] = useState<Draft>(() => draftOf(kind, fields, record, studio.time_zone, prefill));
  const [draft, setDraft] = useState<Draft>(original);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: string, value: DraftValue | RowDraft[]) => setDraft((d) => ({ ...d, [name]: value }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const { body, problems } = bodyOfDraft(kind, fields, draft, record ? original : null, studio.time_zone);
    setErrors(problems);
    setMessage(null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      onSaved(
        record
          ? await updateRecord(api, kind.path, record.id, body)
          : await createRecord(api, kind.path, body),
      );
    } catch (failure) {
      const found = formProblemsOf(failure);
      setErrors(found.fields);
      setMessage(found.message);
    } finally {
      setBusy(false);
    }
  };

  const input = (field: FieldDef) => (
    <RecordFieldInput
      key={field.name}
      kind={kind}
      field={field}
      value={draft[field.name] as DraftValue}
      onChange={(value) => set(field.name, value)}
      error={errors[field.name]}
    />
  );
  const noun = kind.label.toLowerCase();
  return (
    <form
      onSubmit={(event) => void save(event)}
      aria-label={record ? `Edit ${noun}` : `New ${noun}`}
      noValidate
    >
      <Stack>
        {message && (
          <Alert color="red" role="alert" title={`The ${noun} was not saved`}>
            {message}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {fields.filter((f) => !WIDE.includes(f.type)).map(input)}
        </SimpleGrid>
        {fields.filter((f) => WIDE.includes(f.type)).map(input)}
        {(kind.collections ?? []).map((collection) => (
          <CollectionInput
            key={collection.name}
            kind={kind}
            collection={collection}
            rows={draft[collection.name] as RowDraft[]}
            onChange={(rows) => set(collection.name, rows)}
            errors={errors}
          />
        ))}
        <SaveCancelButtons
          label={record ? `Save ${noun}` : `Create ${noun}`}
          busy={busy}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
