import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { getRecord, type RecordData } from '../../api/records-api';
import { useSession } from '../../session/session-context';
import { ScreenLoader } from '../../shell/screen-loader';
import { DeleteRecordButton } from './delete-record-button';
import { RecordHistorySections } from './history/record-history-sections';
import { RecordFieldsView } from './record-fields-view';
import { RecordForm } from './record-form';
import { recordTitle } from './record-title';
import { RecordsBreadcrumbs } from './records-breadcrumbs';
import { forgetRefTitle } from './ref-titles';
import { RelatedRecords } from './related-records';
import { kindByPath } from './screen-kinds';
import { StatusPanel } from './status-panel';
import { UnknownKind } from './unknown-kind';

/**
 * /records/:path/:id — one record: every field, its status and history, Edit in place, Delete,
 * its history (consent, communications, triggered items) and the records that refer to it (a
 * client's family members, sessions, invoices…).
 */
export function RecordDetailScreen() {
  const { path, id } = useParams();
  const { api, studio } = useSession();
  const navigate = useNavigate();
  const kind = kindByPath(path);
  const [record, setRecord] = useState<RecordData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    if (!kind) return;
    let current = true;
    setRecord(null);
    setEditing(false);
    getRecord(api, kind.path, Number(id)).then(
      (found) => current && setRecord(found),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, kind, id]);

  if (!kind || kind.category !== 'record') return <UnknownKind path={path} />;
  const changed = (next: RecordData) => {
    forgetRefTitle(api, kind.path, next.id);
    setRecord(next);
    setEditing(false);
  };
  const title = record ? recordTitle(kind, record, studio.time_zone) : `${kind.label} #${id}`;
  return (
    <Stack>
      <RecordsBreadcrumbs kind={kind} here={`#${id}`} />
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{title}</Title>
        {record && !editing && (
          <Group>
            <Button onClick={() => setEditing(true)}>Edit {kind.label.toLowerCase()}</Button>
            <DeleteRecordButton
              kind={kind}
              record={record}
              title={title}
              onDeleted={() => {
                forgetRefTitle(api, kind.path, record.id);
                void navigate(`/records/${kind.path}`);
              }}
            />
          </Group>
        )}
      </Group>
      {error && (
        <Alert color="red" role="alert" title={`The ${kind.label.toLowerCase()} could not be loaded`}>
          {error}
        </Alert>
      )}
      {!record && !error && <ScreenLoader label={`Loading the ${kind.label.toLowerCase()}`} />}
      {record && editing && (
        <RecordForm kind={kind} record={record} onSaved={changed} onCancel={() => setEditing(false)} />
      )}
      {record && !editing && <RecordFieldsView kind={kind} record={record} />}
      {record && kind.status && <StatusPanel kind={kind} record={record} onChanged={changed} />}
      {record && <RecordHistorySections kind={kind.name} id={record.id} />}
      {record && <RelatedRecords kind={kind} record={record} />}
    </Stack>
  );
}
