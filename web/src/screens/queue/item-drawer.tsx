import { Alert, Drawer, Stack, Text, Title } from '@mantine/core';
import { RecordLink } from '../../shell/record-link';
import { ScreenLoader } from '../../shell/screen-loader';
import { useEffect, useState } from 'react';
import {
  previewItem,
  type ItemPreview as Preview,
  type QueueAction,
  type QueueItem,
  type QueueOutcome,
} from '../../api/queue-api';
import { formatInstant } from '../../format/format-instant';
import { useSession } from '../../session/session-context';
import { ItemPreview } from './item-preview';
import { QueueActionButtons } from './queue-action-buttons';
import { queueItemRecord } from './record-label';

interface Props {
  item: QueueItem;
  triggerName: string;
  timeZone: string;
  onClose: () => void;
  onDone: (action: QueueAction, outcome: QueueOutcome) => void;
}

/**
 * One item opened: its record, named as the list names it (the server's label, so no request of its
 * own) and linked to the record's page, the message processing would send (rendered), and its own Process / Skip / Delete.
 */
export function ItemDrawer({ item, triggerName, timeZone, onClose, onDone }: Props) {
  const { api } = useSession();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    previewItem(api, item.id).then(
      (answer) => current && setPreview(answer),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, item.id]);

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={triggerName}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack>
        <Title order={3} size="h5">
          <RecordLink kind={item.record_kind} id={item.record_id}>
            {queueItemRecord(item)}
          </RecordLink>
        </Title>
        <Text size="sm" c="dimmed">
          Trigger date {formatInstant(item.trigger_date, timeZone)} ({timeZone})
        </Text>
        <QueueActionButtons
          selection={{ item_ids: [item.id] }}
          count={1}
          scope="(this one)"
          target="this item"
          onDone={onDone}
        />
        {error && (
          <Alert color="red" role="alert" title="The item could not be loaded">
            {error}
          </Alert>
        )}
        {!error && !preview && <ScreenLoader label="Loading the preview" />}
        {preview && <ItemPreview preview={preview} />}
      </Stack>
    </Drawer>
  );
}
