/**
 * The occurrence key of a yearly anchor (SPEC §3.2: record (+ family member) + year). Items of
 * family-member birthdays belong to the client (`record_kind` client), so the family member's id
 * lives in the key, where re-checking finds it: `12@birth_date:2027`, `12/fm5@2027`.
 */
export function yearlyOccurrenceKey(
  clientId: number,
  field: string,
  year: number,
  familyMemberId: number | null,
): string {
  return familyMemberId === null ? `${clientId}@${field}:${year}` : `${clientId}/fm${familyMemberId}@${year}`;
}

/** The family member of a yearly occurrence key, or null for a record's own date. */
export function familyMemberIdOf(key: string): number | null {
  const match = /\/fm(\d+)@/.exec(key);
  return match ? Number(match[1]) : null;
}
