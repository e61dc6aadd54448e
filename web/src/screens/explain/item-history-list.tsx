import { List, Text } from '@mantine/core';
import type { ExplainItem } from '../../api/insight-api';
import { formatInstant } from '../../format/format-instant';

const stateWord = (state: string | null) => (state ? state.replace(/_/g, ' ') : 'new');

/** The item an occurrence got, and every change of its state, oldest first. */
export function ItemHistoryList({ item, timeZone }: { item: ExplainItem; timeZone: string }) {
  return (
    <div>
      <Text fw={600} size="sm">
        Item #{item.id}: {stateWord(item.state)}
      </Text>
      <List size="sm" aria-label={`History of item ${item.id}`}>
        {item.history.map((h, index) => (
          <List.Item key={index}>
            {formatInstant(h.at, timeZone)}: {stateWord(h.from_state)} → {stateWord(h.to_state)}
            {h.actor ? ` (${h.actor.replace(/_/g, ' ')})` : ''}
            {h.reason ? ` — ${h.reason}` : ''}
          </List.Item>
        ))}
      </List>
    </div>
  );
}
