import { Anchor, Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import type { Communication } from '../../../api/communications-api';
import { formatInstant } from '../../../format/format-instant';
import { stateColor, stateLabel } from '../../deliveries/delivery-states';
import { byteSize, channelLabel, recipientOf } from './history-words';
import { SandboxedEmailFrame } from './sandboxed-email-frame';

/**
 * One communication as its recipient got it. An email's HTML is shown in a sandboxed frame (no
 * scripts, no forms, no links followed, the app's styles untouched), its text when it has no HTML;
 * an SMS as its text. Attachments download exactly as they were sent.
 */
export function CommunicationView({
  communication: c,
  timeZone,
}: {
  communication: Communication;
  timeZone: string;
}) {
  const channel = channelLabel(c.channel);
  return (
    <Stack gap="sm">
      <Group gap="sm">
        {c.delivery && (
          <Badge color={stateColor(c.delivery.state)} variant="light">
            {stateLabel(c.delivery.state)}
          </Badge>
        )}
        <Text size="sm">
          Written {formatInstant(c.created_at, timeZone)} ({timeZone})
        </Text>
      </Group>
      <Text size="sm">
        <strong>To:</strong> {recipientOf(c)}
      </Text>
      {c.from_address && (
        <Text size="sm">
          <strong>From:</strong> {c.from_address}
        </Text>
      )}
      {c.subject && (
        <Text size="sm">
          <strong>Subject:</strong> {c.subject}
        </Text>
      )}
      {c.delivery?.reason && c.delivery.state === 'failed' && (
        <Text size="sm" c="red">
          {c.delivery.reason}
        </Text>
      )}
      {c.body_html ? (
        <SandboxedEmailFrame html={c.body_html} title={`${channel} as it was sent`} height={360} />
      ) : (
        <Paper withBorder p="sm" aria-label={`${channel} text`}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.body_text || 'This message has no text.'}
          </Text>
        </Paper>
      )}
      {c.attachments.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            Attachments
          </Text>
          <List size="sm">
            {c.attachments.map((file) => (
              <List.Item key={file.id}>
                <Anchor href={file.url} download={file.filename}>
                  {file.filename}
                </Anchor>{' '}
                ({byteSize(file.byte_size)})
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
