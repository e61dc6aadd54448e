import { Alert, Drawer, Stack, Text, Title } from '@mantine/core';
import { ScreenLoader } from '../../shell/screen-loader';
import { useEffect, useState } from 'react';
import {
  getItem,
  previewItem,
  type ItemDetail,
  type ItemPreview as Preview,
  type QueueAction,
  type QueueItem,
  type QueueOutcome,
} from '../../api/queue-api';
import { formatInstant } from '../../format/format-instant';
import { useSession } from '../../session/session-context';
import { ItemPreview } from './item-preview';
import { QueueActionButtons } from './queue-action-buttons';
import { recordName } from './record-label';

interface Props {
  item: QueueItem;
  triggerName: string;
  timeZone: string;
  onClose: () => void;
  onDone: (action: QueueAction, outcome: QueueOutcome) => void;
}

/** One item opened: its record, the message it would send (rendered), and its own Process / Skip / Delete. */
export function ItemDrawer({ item, triggerName, timeZone, onClose, onDone }: Props) {
  const { api } = useSession();
  const [detail, setDetail] = useState<ItemDetail | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    Promise.all([getItem(api, item.id), previewItem(api, item.id)]).then(
      ([d, p]) => {
        if (!current) return;
        setDetail(d);
        setPreview(p);
      },
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, item.id]);

  const name = recordName(item.record_kind, item.record_id, detail ? detail.record : {});
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
          {name}
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
