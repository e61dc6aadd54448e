import { Alert, Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { previewTemplate, type TemplatePreview } from '../../api/trigger-editor-api';
import { describeSegments, smsSegments } from '../../format/sms-segments';
import { useSession } from '../../session/session-context';
import { RecordPicker } from '../explain/record-picker';

interface Props {
  templateId: number;
  basis: string;
}

/**
 * The chosen SMS template's text with its character and part count, and a preview of it for a
 * record the user finds by search (POST /templates/{id}/preview: merge fields filled, parts counted anew).
 */
export function SmsTemplateCard({ templateId, basis }: Props) {
  const { api } = useSession();
  const [text, setText] = useState<string | null>(null);
  const [recordId, setRecordId] = useState<number | null>(null);
  const [preview, setPreview] = useState<TemplatePreview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setPreview(null);
    api.get<{ body_text: string | null }>(`/templates/${templateId}`).then(
      (template) => current && setText(template.body_text ?? ''),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, templateId]);

  const showPreview = async () => {
    if (!recordId) return;
    setError(null);
    try {
      setPreview(await previewTemplate(api, templateId, recordId));
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  return (
    <Paper withBorder p="sm" aria-label="SMS template text">
      <Stack gap="xs">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {text ?? '…'}
        </Text>
        {text !== null && (
          <Text size="xs" c="dimmed">
            Template: {describeSegments(smsSegments(text))}
          </Text>
        )}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Box w={340} maw="100%">
            <RecordPicker kind={basis} label="Preview for" value={recordId} onChange={setRecordId} />
          </Box>
          <Button variant="default" disabled={!recordId} onClick={() => void showPreview()}>
            Preview
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {preview && (
          <Stack gap={4} aria-label="Preview">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {preview.text ?? 'This record could not fill the template.'}
            </Text>
            {preview.sms && (
              <Text size="xs" c="dimmed">
                As sent: {preview.sms.characters} characters · {preview.sms.segments} SMS part
                {preview.sms.segments === 1 ? '' : 's'} ({preview.sms.encoding})
              </Text>
            )}
            {preview.problems.map((p) => (
              <Text key={`${p.path}${p.problem}`} size="xs" c="red">
                {p.problem}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
