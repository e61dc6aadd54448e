import { Alert, Button, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ApiError, formProblemsOf } from '../../api/api-error';
import { replyToMessage } from '../../api/messages-api';
import { describeSegments, smsSegments } from '../../format/sms-segments';
import { useSession } from '../../session/session-context';

interface Props {
  messageId: number;
  optedOut: boolean;
  onSent: () => void;
  /** The API refused the reply because the number opted out (409). */
  onOptedOut: () => void;
}

/** The reply box: the text, how many SMS parts it costs, and Send (through the outbox). */
export function ReplyForm({ messageId, optedOut, onSent, onOptedOut }: Props) {
  const { api } = useSession();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  const send = async () => {
    setSent(false);
    if (!text.trim()) {
      setProblem('Write the reply first');
      return;
    }
    setBusy(true);
    try {
      await replyToMessage(api, messageId, text);
      setText('');
      setProblem(null);
      setError(null);
      setSent(true);
      onSent();
    } catch (failure) {
      const { fields, message } = formProblemsOf(failure);
      setProblem(fields.text ?? null);
      // A refusal (opted out) says why in its message, beyond the problem on the field: show both.
      const refused = failure instanceof ApiError && failure.status === 409;
      setError(refused ? failure.message : message);
      if (refused) onOptedOut();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs">
      {error && (
        <Alert color="red" role="alert" title="The reply was not sent">
          {error}
        </Alert>
      )}
      {sent && (
        <Text size="sm" c="green" role="status">
          Reply queued in the outbox; it goes out with the next delivery run.
        </Text>
      )}
      <Textarea
        label="Reply"
        description={
          optedOut ? 'This number has opted out of SMS (STOP); a reply will be refused.' : undefined
        }
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setSent(false);
        }}
        error={problem}
        maxLength={1600}
        rows={4}
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {describeSegments(smsSegments(text))}
      </Text>
      <Button loading={busy} onClick={() => void send()}>
        Send reply
      </Button>
    </Stack>
  );
}
