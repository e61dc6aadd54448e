import { Paper, Stack, Text, Title } from '@mantine/core';
import type { PreviewOutput } from '../../api/queue-api';
import { SandboxedEmailFrame } from '../records/history/sandboxed-email-frame';

const CHANNEL_NAMES: Record<string, string> = {
  email: 'Email',
  sms: 'SMS',
  phone_call: 'Phone call',
  letter: 'Letter',
  task: 'Task',
  web_form: 'Web form',
};

/**
 * One thing processing would create, as its recipient would get it. An email's HTML is shown in a
 * sandboxed frame (no scripts, no links followed, the app's own styles untouched).
 */
export function PreviewOutputCard({ output }: { output: PreviewOutput }) {
  const name = CHANNEL_NAMES[output.channel] ?? output.channel;
  const values = output.values ? Object.entries(output.values).filter(([, v]) => typeof v === 'string') : [];
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Title order={4} size="h6">
          {name}
          {output.to ? ` to ${output.to}` : ''}
        </Title>
        {output.subject && (
          <Text size="sm">
            <strong>Subject:</strong> {output.subject}
          </Text>
        )}
        {output.dueDate && (
          <Text size="sm">
            <strong>Due:</strong> {output.dueDate}
          </Text>
        )}
        {output.segments != null && (
          <Text size="sm" c="dimmed">
            {output.segments} SMS segment{output.segments === 1 ? '' : 's'}
          </Text>
        )}
        {output.html ? (
          <SandboxedEmailFrame html={output.html} title={`${name} as it would be sent`} height={220} />
        ) : (
          output.text && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {output.text}
            </Text>
          )
        )}
        {values.map(([key, value]) => (
          <Text size="sm" key={key}>
            <strong>{key.replace(/_/g, ' ')}:</strong> {String(value)}
          </Text>
        ))}
        {output.link && <PreviewOutputCard output={output.link} />}
      </Stack>
    </Paper>
  );
}
