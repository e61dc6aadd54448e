import { Alert, Stack, Text, Title } from '@mantine/core';
import type { Explanation } from '../../api/insight-api';
import { formatInstant } from '../../format/format-instant';
import { RecordLink } from '../../shell/record-link';
import { recordKindLabel } from '../queue/record-label';
import { CriteriaTable } from './criteria-table';
import { ItemHistoryList } from './item-history-list';
import { OccurrenceCard } from './occurrence-card';

/**
 * An explanation: the answer in words (with a link to the record, to check the fields it was judged
 * by), then the criteria, each occurrence, and items of old ones.
 */
export function ExplanationView({ explanation, timeZone }: { explanation: Explanation; timeZone: string }) {
  const e = explanation;
  return (
    <Stack>
      <Alert color="blue" title="In short" role="status">
        {e.summary}
      </Alert>
      <Text size="sm">
        <RecordLink kind={e.record_kind} id={e.record_id}>
          Open {recordKindLabel(e.record_kind)} #{e.record_id}
        </RecordLink>
      </Text>
      <Text size="sm" c="dimmed">
        Judged at the studio&apos;s now, {formatInstant(e.now, timeZone)} ({timeZone})
        {e.baseline_at ? `; the trigger's baseline is ${formatInstant(e.baseline_at, timeZone)}` : ''}.
      </Text>
      <Title order={2} size="h4">
        Criteria
      </Title>
      <CriteriaTable criteria={e.criteria} timeZone={timeZone} />
      <Title order={2} size="h4">
        Occurrences
      </Title>
      {e.occurrences.length === 0 ? (
        <Text c="dimmed">This record has no date the trigger counts from.</Text>
      ) : (
        e.occurrences.map((o) => <OccurrenceCard key={o.occurrence_key} occurrence={o} timeZone={timeZone} />)
      )}
      {e.earlier_items.length > 0 && (
        <>
          <Title order={2} size="h4">
            Items of earlier dates
          </Title>
          {e.earlier_items.map((item) => (
            <ItemHistoryList key={item.id} item={item} timeZone={timeZone} />
          ))}
        </>
      )}
    </Stack>
  );
}
