import { fieldOf, recordKind } from '../domain/record-kinds/index.js';
import type { Anchor } from '../domain/triggers/trigger-types.js';
import { familyMemberIdOf } from '../domain/triggers/yearly-occurrence-key.js';
import { yearlyDate } from '../domain/yearly-date.js';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';

/**
 * Why a yearly item no longer stands for its occurrence, or null: its family member is gone, or
 * the date moved so that the item's year falls on another day (`i_anchor` is that year's date, so
 * its first four characters are the occurrence's year). Moving the date back restores the item.
 */
export function yearlyAnchorChange(
  anchor: Extract<Anchor, { kind: 'yearly' }>,
  row: LooseRow,
  familyMembers: ReadonlyMap<number, LooseRow>,
): string | null {
  const was = String(row.i_anchor);
  let source: LooseRow | undefined = row;
  if (anchor.of === 'family_member') {
    source = familyMembers.get(familyMemberIdOf(String(row.i_key)) ?? -1);
    if (!source) return 'the family member was deleted';
  }
  const value = source[anchor.field];
  const now = value == null ? null : yearlyDate(String(value), Number(was.slice(0, 4)));
  if (now === was) return null;
  const kind = recordKind(anchor.of === 'family_member' ? 'family_member' : 'client');
  const label = fieldOf(kind, anchor.field)?.label ?? anchor.field;
  return `anchor changed: ${label} moved from ${was} to ${now ?? 'nothing'}`;
}

/** The family members named by the keys of items being re-checked, by id. */
export async function familyMembersOf(trx: Db, rows: readonly LooseRow[]): Promise<Map<number, LooseRow>> {
  const ids = rows.map((row) => familyMemberIdOf(String(row.i_key))).filter((id) => id !== null);
  if (ids.length === 0) return new Map();
  const found = (await loose(trx)
    .selectFrom('family_members')
    .selectAll()
    .where('id', 'in', ids)
    .execute()) as LooseRow[];
  return new Map(found.map((f) => [Number(f.id), f]));
}
