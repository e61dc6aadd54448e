import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { listPrintBatches, printBatchPdf, type PrintBatchSummary } from '../../api/print-batches-api';
import { useSession } from '../../session/session-context';
import { OpenBatchPanel } from './open-batch-panel';
import { PrintedBatchesTable } from './printed-batches-table';
import { saveFile } from './save-file';
import { ScreenLoader } from '../../shell/screen-loader';

/**
 * Letters that processing wrote gather in the studio's open batch; staff print it as one PDF
 * (one letter a page, for window envelopes), which closes it. Printed batches stay listed.
 */
export function PrintBatchesScreen() {
  const { api, studio } = useSession();
  const [batches, setBatches] = useState<readonly PrintBatchSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [printed, setPrinted] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let current = true;
    listPrintBatches(api).then(
      (page) => current && setBatches(page.data),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, reload]);

  const open = batches?.find((b) => b.state === 'open' && b.letter_count > 0) ?? null;
  const done = batches?.filter((b) => b.state === 'printed') ?? [];
  const download = (batch: PrintBatchSummary) =>
    printBatchPdf(api, batch.id).then(
      (pdf) => saveFile(pdf, `print-batch-${batch.id}.pdf`),
      (failure: Error) => setError(failure.message),
    );
  return (
    <Stack>
      <Title order={1}>Print Batches</Title>
      {error && (
        <Alert color="red" role="alert" title="The print batches could not be loaded">
          {error}
        </Alert>
      )}
      {printed && (
        <Alert color="green" role="status" title="Printed" withCloseButton onClose={() => setPrinted(null)}>
          {printed} has downloaded. Print it on the studio&apos;s printer and fold the letters for window
          envelopes.
        </Alert>
      )}
      {!batches && !error && <ScreenLoader label="Loading print batches" />}
      {batches && open && (
        <OpenBatchPanel
          key={open.id}
          batchId={open.id}
          onPrinted={(name) => {
            setPrinted(name);
            setReload((n) => n + 1);
          }}
        />
      )}
      {batches && !open && (
        <Paper withBorder p="xl" ta="center">
          <Stack align="center" gap="xs">
            <Title order={2} size="h4">
              No letters are waiting to be printed
            </Title>
            <Text c="dimmed" maw={520}>
              A letter joins the open batch when a trigger with a letter action is processed. Process pending
              letter items from the queue, then come back to print them.
            </Text>
            <Button component={Link} to="/queue" variant="light">
              Process Triggers
            </Button>
          </Stack>
        </Paper>
      )}
      {batches && (
        <>
          <Title order={2} size="h4">
            Printed batches
          </Title>
          {done.length === 0 ? (
            <Text c="dimmed">Nothing has been printed yet.</Text>
          ) : (
            <PrintedBatchesTable
              batches={done}
              timeZone={studio.time_zone}
              onDownload={(b) => void download(b)}
            />
          )}
        </>
      )}
    </Stack>
  );
}
