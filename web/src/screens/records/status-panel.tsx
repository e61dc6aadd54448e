import { Alert, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { RecordKind } from '../../../../src/domain/record-kinds/index';
import { listStatusHistory, type RecordData, type StatusStay } from '../../api/records-api';
import { listStaff } from '../../api/users-api';
import { useSession } from '../../session/session-context';
import { ChangeStatusForm } from './change-status-form';
import { FieldValue } from './field-value';
import { StatusHistoryTable } from './status-history-table';

/** The record's status with its due date, the form that changes it, and its history. */
export function StatusPanel({
  kind,
  record,
  onChanged,
}: {
  kind: RecordKind;
  record: RecordData;
  onChanged: (record: RecordData) => void;
}) {
  const { api } = useSession();
  const [stays, setStays] = useState<StatusStay[] | null>(null);
  const [staff, setStaff] = useState(new Map<number, string>());
  const [error, setError] = useState<string | null>(null);
  const statusField = kind.fields.find((f) => f.name === 'status_id');

  useEffect(() => {
    let current = true;
    Promise.all([listStatusHistory(api, kind.path, record.id), listStaff(api)]).then(
      ([history, members]) => {
        if (!current) return;
        setStays(history.data);
        setStaff(new Map(members.data.map((m) => [m.id, m.name])));
      },
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, kind.path, record]);

  return (
    <Stack gap="sm" component="section" aria-label="Status">
      <Title order={2} size="h3">
        Status
      </Title>
      <Text>
        {statusField && record.status_id != null ? (
          <FieldValue kind={kind} field={statusField} value={record.status_id} />
        ) : (
          'No status'
        )}
        {record.status_due_date ? ` · due ${String(record.status_due_date)}` : ''}
      </Text>
      <ChangeStatusForm kind={kind} record={record} onChanged={onChanged} />
      <Title order={3} size="h4">
        Status history
      </Title>
      {error && (
        <Alert color="red" role="alert" title="The status history could not be loaded">
          {error}
        </Alert>
      )}
      {stays && <StatusHistoryTable stays={stays} staff={staff} />}
    </Stack>
  );
}
