import { Alert, List, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { previewTemplate, type Template, type TemplatePreview } from '../../api/templates-api';
import { useSession } from '../../session/session-context';
import { RecordPicker } from '../explain/record-picker';
import { ScreenLoader } from '../../shell/screen-loader';
import { PreviewOutputCard } from '../queue/preview-output-card';

/**
 * A saved template rendered against a real record of its basis, picked by searching, exactly as a
 * trigger would make the message: email HTML in a sandboxed frame, SMS with its segment count.
 */
export function TemplatePreviewModal({ template, onClose }: { template: Template; onClose: () => void }) {
  const { api } = useSession();
  const [recordId, setRecordId] = useState<number | null>(null);
  const [preview, setPreview] = useState<TemplatePreview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (recordId === null) return;
    let current = true;
    setPreview(null);
    setError(null);
    previewTemplate(api, template.id, recordId).then(
      (rendered) => current && setPreview(rendered),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, template.id, recordId]);

  return (
    <Modal opened onClose={onClose} title={`Preview “${template.name}”`} size="lg">
      <Stack>
        <RecordPicker kind={template.basis} value={recordId} onChange={setRecordId} />
        {recordId === null && (
          <Text size="sm" c="dimmed">
            Pick a record above to see the template filled in with its merge fields.
          </Text>
        )}
        {error && (
          <Alert color="red" role="alert" title="The preview could not be made">
            {error}
          </Alert>
        )}
        {recordId !== null && !preview && !error && <ScreenLoader label="Rendering the preview" />}
        {preview && preview.problems.length > 0 && (
          <Alert color="yellow" title="Problems in this template">
            <List size="sm">
              {preview.problems.map((p, index) => (
                <List.Item key={index}>
                  {p.path ? `${p.path.replace(/_/g, ' ')}: ` : ''}
                  {p.problem}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {preview && (
          <PreviewOutputCard
            output={{
              channel: template.channel,
              subject: preview.subject,
              html: preview.html,
              text: preview.text,
              segments: preview.sms?.segments ?? null,
            }}
          />
        )}
        {preview?.sms && (
          <Text size="sm" c="dimmed">
            {preview.sms.characters} characters, {preview.sms.encoding}
          </Text>
        )}
      </Stack>
    </Modal>
  );
}
