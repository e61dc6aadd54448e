import { Alert, List, Stack, Text } from '@mantine/core';
import type { ItemPreview as Preview } from '../../api/queue-api';
import { PreviewOutputCard } from './preview-output-card';

/**
 * What processing the item would do now. An item that would be withdrawn, or could not be
 * processed (a template that fails), says so instead of showing a message that would never go.
 */
export function ItemPreview({ preview }: { preview: Preview }) {
  if (!preview.qualifies)
    return (
      <Alert color="yellow" title="Processing would send nothing">
        This item {preview.reason}.
      </Alert>
    );
  const outputs = preview.outputs ?? [];
  return (
    <Stack gap="sm">
      {preview.recipient && (
        <Text size="sm">
          <strong>Recipient:</strong> {preview.recipient.name}
        </Text>
      )}
      {preview.reason && (
        <Alert color={outputs.length === 0 ? 'yellow' : 'blue'} title="Processing would">
          {preview.reason}
        </Alert>
      )}
      {outputs.map((output, index) => (
        <PreviewOutputCard key={index} output={output} />
      ))}
      {(preview.passed_over ?? []).length > 0 && (
        <>
          <Text size="sm">Passed over:</Text>
          <List size="sm">
            {preview.passed_over?.map((hop) => (
              <List.Item key={hop.channel}>
                {hop.channel.replace(/_/g, ' ')}: {hop.reason}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
