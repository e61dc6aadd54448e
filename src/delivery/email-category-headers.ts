/** Says which kind of email a message is; mail systems and the studio's own filters read it. */
export const CATEGORY_HEADER = 'X-Triggerfish-Category';

/**
 * The headers that tell marketing from transactional email. A marketing email carries
 * `List-Unsubscribe` with its unsubscribe link and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`
 * (RFC 8058), which Gmail and Yahoo require of bulk senders and show as an "Unsubscribe" button; a
 * transactional one (a confirmation, a receipt) has no unsubscribe and says what it is instead.
 */
export function emailCategoryHeaders(
  isMarketing: boolean,
  unsubscribeUrl: string | null,
): Record<string, string> {
  if (!isMarketing) return { [CATEGORY_HEADER]: 'transactional' };
  // Emails written before unsubscribe links existed have none to offer.
  if (!unsubscribeUrl) return { [CATEGORY_HEADER]: 'marketing' };
  return {
    [CATEGORY_HEADER]: 'marketing',
    'List-Unsubscribe': `<${unsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
