import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { getPrintBatch, printBatchPdf, printPrintBatch, type PrintBatch } from '../../api/print-batches-api';
import { formatInstant } from '../../format/format-instant';
import { useSession } from '../../session/session-context';
import { BatchLettersTable } from './batch-letters-table';
import { PrintConfirmation } from './print-confirmation';
import { saveFile } from './save-file';

/** The open batch: its letters, a preview PDF, and Print (after a confirmation with the count). */
export function OpenBatchPanel({
  batchId,
  onPrinted,
}: {
  batchId: number;
  onPrinted: (name: string) => void;
}) {
  const { api, studio } = useSession();
  const [batch, setBatch] = useState<PrintBatch | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    getPrintBatch(api, batchId).then(
      (answer) => current && setBatch(answer),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, batchId]);

  const fileName = `print-batch-${batchId}.pdf`;
  const print = async () => {
    setBusy(true);
    setError(null);
    try {
      saveFile(await printPrintBatch(api, batchId), fileName);
      setAsking(false);
      onPrinted(fileName);
    } catch (failure) {
      setAsking(false);
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const preview = async () => {
    try {
      saveFile(await printBatchPdf(api, batchId), `preview-${fileName}`);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-label="Open batch">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            Open batch #{batchId}
          </Title>
          {batch && batch.letters.length > 0 && (
            <Group>
              <Button variant="default" onClick={() => void preview()}>
                Preview PDF
              </Button>
              <Button onClick={() => setAsking(true)}>Print…</Button>
            </Group>
          )}
        </Group>
        {error && (
          <Alert color="red" role="alert" title="The batch could not be printed">
            {error}
          </Alert>
        )}
        {batch && (
          <Text size="sm" c="dimmed">
            {batch.letters.length} letter{batch.letters.length === 1 ? '' : 's'} since{' '}
            {formatInstant(batch.created_at, studio.time_zone)} ({studio.time_zone})
          </Text>
        )}
        {batch && <BatchLettersTable letters={batch.letters} timeZone={studio.time_zone} />}
      </Stack>
      <PrintConfirmation
        letterCount={batch?.letters.length ?? 0}
        opened={asking}
        busy={busy}
        onCancel={() => setAsking(false)}
        onPrint={() => void print()}
      />
    </Paper>
  );
}
