import { Alert } from '@mantine/core';
import type { SavedTrigger } from '../../api/trigger-editor-api';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * What the save did to the baseline (docs/triggers.md "Counts on save"): what will never fire and
 * what falls due soon. A save that did not move the baseline just says it was saved.
 */
export function BaselineSummary({ saved }: { saved: SavedTrigger }) {
  const { baseline } = saved;
  return (
    <Alert color="green" title={`“${saved.name}” is saved`} role="status">
      {baseline
        ? `${plural(baseline.baselined, 'occurrence')} baselined, ${baseline.due_next_30_days} fall due in the next 30 days.`
        : saved.is_active
          ? 'The baseline stays as it was: nothing that decides when it fires changed.'
          : 'The trigger is inactive: nothing fires until it is activated.'}
    </Alert>
  );
}
