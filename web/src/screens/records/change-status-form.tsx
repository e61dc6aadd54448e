import { Alert, Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { RecordKind } from '../../../../src/domain/record-kinds/index';
import { changeRecordStatus, type RecordData } from '../../api/records-api';
import { useFormRequest } from '../../api/use-form-request';
import { useSession } from '../../session/session-context';
import { useStatusOptions } from './status-options';

interface Props {
  kind: RecordKind;
  record: RecordData;
  onChanged: (record: RecordData) => void;
}

/**
 * Enters a status from the kind's catalog (only those of the record's type where statuses are
 * scoped by type). The due date is the status's duration in business days unless one is given.
 */
export function ChangeStatusForm({ kind, record, onChanged }: Props) {
  const { api } = useSession();
  const scopedBy = kind.status?.scopedBy;
  const typeId = scopedBy ? record[scopedBy] : null;
  const options = useStatusOptions(kind).filter((s) => s.scopeTypeId === null || s.scopeTypeId === typeId);
  const [statusId, setStatusId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState('');
  const [note, setNote] = useState('');
  const { fields, message, busy, submit } = useFormRequest();

  const change = async (event: FormEvent) => {
    event.preventDefault();
    let changed: RecordData | null = null;
    const ok = await submit(async () => {
      changed = await changeRecordStatus(api, kind.path, record.id, {
        status_id: statusId ? Number(statusId) : null,
        ...(dueDate ? { due_date: dueDate } : {}),
        ...(note.trim() ? { note } : {}),
      });
    });
    if (ok && changed) {
      setStatusId(null);
      setDueDate('');
      setNote('');
      onChanged(changed);
    }
  };

  return (
    <form onSubmit={(event) => void change(event)} aria-label="Change status" noValidate>
      <Stack gap="sm">
        {message && (
          <Alert color="red" role="alert" title="The status was not changed">
            {message}
          </Alert>
        )}
        <Group align="flex-start" wrap="wrap" grow>
          <Select
            label="New status"
            placeholder={options.length ? 'Pick a status' : 'No statuses: add them under Setup → Catalogs'}
            data={options}
            value={statusId}
            onChange={setStatusId}
            error={fields.status_id}
          />
          <TextInput
            label="Due date"
            description="Leave empty for the status’s own duration"
            type="date"
            value={dueDate}
            onChange={(event) => setDueDate(event.currentTarget.value)}
            error={fields.due_date}
          />
        </Group>
        <Textarea
          label="Note"
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={fields.note}
        />
        <Group>
          <Button type="submit" loading={busy} disabled={!statusId}>
            Change status
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
