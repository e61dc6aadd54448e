import { Alert, Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { getMessage, listMessagesFrom, markMessage, type MessageDetail } from '../../api/messages-api';
import { announceMessagesChanged } from '../../session/messages-changed';
import { useSession } from '../../session/session-context';
import { ConversationList } from './conversation-list';
import { ReplyForm } from './reply-form';
import { optedOutByOwnTexts } from './opted-out';

interface Props {
  /** The newest inbound message of the thread to show; null when closed. */
  messageId: number | null;
  /** "Conversation with Ada Lovelace", the client's name a link to the client's page. */
  title: ReactNode;
  onClose: () => void;
  onChanged: () => void;
}

/**
 * One number's conversation, both ways. Opening it reads it: every unread message of the number is
 * marked read. "Mark unread" puts the newest back, and closes the drawer so it is not read again.
 */
export function ConversationDrawer({ messageId, title, onClose, onChanged }: Props) {
  const { api, studio } = useSession();
  const [message, setMessage] = useState<MessageDetail | null>(null);
  const [optedOut, setOptedOut] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let current = true;
    setError(null);
    if (messageId === null) {
      setMessage(null);
      return;
    }
    (async () => {
      const first = await getMessage(api, messageId);
      const own = (await listMessagesFrom(api, first.from)).data;
      const unread = own.filter((m) => m.unread);
      for (const m of unread) await markMessage(api, m.id, true);
      if (!current) return;
      setMessage(first);
      setOptedOut(optedOutByOwnTexts(own));
      if (unread.length > 0) {
        announceMessagesChanged();
        onChanged();
      }
    })().catch((failure: Error) => current && setError(failure.message));
    return () => {
      current = false;
    };
    // onChanged is the screen's reload; a new function each render must not reopen the thread.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, messageId, reload]);

  const markUnread = async () => {
    if (messageId === null) return;
    try {
      await markMessage(api, messageId, false);
      announceMessagesChanged();
      onChanged();
      onClose();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  return (
    <Drawer opened={messageId !== null} onClose={onClose} position="right" size="lg" title={title}>
      <Stack>
        {error && (
          <Alert color="red" role="alert" title="Something went wrong with this conversation">
            {error}
          </Alert>
        )}
        {message && (
          <>
            <Group justify="space-between">
              <Text size="sm">
                {message.from} · times in {studio.time_zone}
              </Text>
              <Button size="xs" variant="default" onClick={() => void markUnread()}>
                Mark unread
              </Button>
            </Group>
            {optedOut && (
              <Alert color="yellow" title="Opted out of SMS">
                {message.from} texted STOP: the studio sends it no SMS, replies included, until it texts
                START.
              </Alert>
            )}
            <ConversationList thread={message.thread} timeZone={studio.time_zone} />
            <ReplyForm
              messageId={message.id}
              optedOut={optedOut}
              onSent={() => {
                setReload((n) => n + 1);
                onChanged();
              }}
              onOptedOut={() => setOptedOut(true)}
            />
          </>
        )}
      </Stack>
    </Drawer>
  );
}
