import { Button, Table } from '@mantine/core';
import type { PrintBatchSummary } from '../../api/print-batches-api';
import { formatInstant } from '../../format/format-instant';

interface Props {
  batches: readonly PrintBatchSummary[];
  timeZone: string;
  onDownload: (batch: PrintBatchSummary) => void;
}

/** Printed batches, newest first; downloading one again does not count as a print. */
export function PrintedBatchesTable({ batches, timeZone, onDownload }: Props) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label="Printed batches" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Batch</Table.Th>
            <Table.Th>Printed ({timeZone})</Table.Th>
            <Table.Th>Letters</Table.Th>
            <Table.Th>Prints</Table.Th>
            <Table.Th>PDF</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {batches.map((batch) => (
            <Table.Tr key={batch.id}>
              <Table.Td>#{batch.id}</Table.Td>
              <Table.Td>{batch.printed_at ? formatInstant(batch.printed_at, timeZone) : '—'}</Table.Td>
              <Table.Td>{batch.letter_count}</Table.Td>
              <Table.Td>{batch.print_count}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => onDownload(batch)}
                  aria-label={`Download the PDF of batch ${batch.id}`}
                >
                  Download
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
