import type { InboundMessage } from '../../api/messages-api';

/**
 * Whether a number's own texts leave it opted out: its newest STOP or START decides. The API's
 * refusal of a reply (409) stays the last word; this only warns before typing.
 */
export function optedOutByOwnTexts(messages: readonly InboundMessage[]): boolean {
  const switches = messages
    .filter((m) => m.outcome === 'opted_out' || m.outcome === 'opted_in')
    .sort((a, b) => b.received_at.localeCompare(a.received_at) || b.id - a.id);
  return switches[0]?.outcome === 'opted_out';
}
