/**
 * The SMS part count the editor shows under an SMS text. It is the server's own rule
 * (src/domain/sms-segments.ts, pure and free of Node), bundled into the web app rather than written
 * twice: a counter that disagreed with what the studio is billed for would be worse than none.
 */
export { smsSegments, type SmsSegments } from '../../../src/domain/sms-segments';

import type { SmsSegments } from '../../../src/domain/sms-segments';

/** "42 characters · 1 SMS part (GSM-7)": how a text is counted, in one line. */
export function describeSegments({ characters, segments, encoding }: SmsSegments): string {
  const parts = `${segments} SMS part${segments === 1 ? '' : 's'}`;
  return `${characters} character${characters === 1 ? '' : 's'} · ${parts} (${encoding})`;
}
