import type { ProblemDetail } from '../domain/errors.js';
import type { RecordKind } from '../domain/record-kinds/index.js';
import type { Db } from '../store/database.js';
import type { ImportLookups } from './import-lookups.js';

/** One row's values by column name (normalised), blank cells left out. */
export type Cells = ReadonlyMap<string, string>;

export interface ExtraMapping {
  problems: ProblemDetail[];
  /** Where a problem's field path came from when that is another column, e.g. `phones.0.number` → `mobile`. */
  sources: Record<string, string>;
}

/**
 * What a CSV import of one record kind accepts: the kind's own fields as columns, plus friendly
 * columns that a studio's spreadsheet is more likely to have (a client number rather than a client
 * id, a session type's name rather than its id).
 */
export interface ImportTarget {
  readonly name: string;
  readonly kind: RecordKind;
  /** Friendly columns and what each means. */
  readonly extraColumns: Readonly<Record<string, string>>;
  /** Registry fields that friendly columns stand in for; a file gives at most one column of each group. */
  readonly substitutes: Readonly<Record<string, readonly string[]>>;
  /** Loads what the rows' friendly columns are looked up in, in one go. */
  loadLookups(db: Db, studioId: number, rows: readonly Cells[]): Promise<ImportLookups>;
  /** Moves one row's friendly columns into the record input. */
  mapExtras(cells: Cells, input: Record<string, unknown>, lookups: ImportLookups): ExtraMapping;
}
