import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { listMessageThreads, type MessageThread } from '../../api/messages-api';
import { useSession } from '../../session/session-context';
import { ConversationDrawer } from './conversation-drawer';
import { ThreadSender } from './thread-sender';
import { ThreadsTable } from './threads-table';
import { useClientNames } from './use-client-names';
import { ScreenLoader } from '../../shell/screen-loader';

/** The Messages inbox: SMS conversations by number, unread first; the open one lives in the address. */
export function MessagesScreen() {
  const { api, studio } = useSession();
  const [params, setParams] = useSearchParams();
  const openId = Number(params.get('message')) || null;
  const [threads, setThreads] = useState<readonly MessageThread[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const names = useClientNames(threads?.map((t) => t.client_id) ?? []);

  useEffect(() => {
    let current = true;
    setError(null);
    listMessageThreads(api).then(
      (page) => current && setThreads(page.data),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, reload]);

  const open = threads?.find((t) => t.last_message?.id === openId);
  return (
    <Stack>
      <Title order={1}>Messages</Title>
      {error && (
        <Alert color="red" role="alert" title="The messages could not be loaded">
          {error}
        </Alert>
      )}
      {!threads && !error && <ScreenLoader label="Loading messages" />}
      {threads && threads.length === 0 && (
        <Paper withBorder p="xl" ta="center">
          <Text c="dimmed" maw={560} mx="auto">
            No messages yet. When a client answers one of the studio&apos;s SMS, Twilio posts the reply to the
            studio&apos;s SMS webhook and it appears here, unread. Set the webhook up on the Twilio number as
            the guide says (A message comes in → /api/v1/webhooks/twilio/sms).
          </Text>
        </Paper>
      )}
      {threads && threads.length > 0 && (
        <ThreadsTable
          threads={threads}
          names={names}
          timeZone={studio.time_zone}
          onOpen={(thread) => setParams({ message: String(thread.last_message?.id) })}
        />
      )}
      <ConversationDrawer
        messageId={openId}
        title={
          open ? (
            <>
              Conversation with <ThreadSender thread={open} names={names} />
            </>
          ) : (
            'Conversation'
          )
        }
        onClose={() => setParams({})}
        onChanged={() => setReload((n) => n + 1)}
      />
    </Stack>
  );
}
