import { AppError, type ProblemDetail } from '../domain/errors.js';
import { referenceProblems } from '../store/record-references.js';
import { checkNewRecord, insertRecord, type NewRecord, type RecordDeps } from '../store/records.js';
import type { Actor, StudioContext } from '../store/studio-context.js';
import { checkImportColumns, importableFields } from './check-import-columns.js';
import type { ImportLookups } from './import-lookups.js';
import type { Cells, ImportTarget } from './import-target.js';
import { CsvFileError, readCsvRows, type CsvRow } from './read-csv-rows.js';
import { withStudioOffset } from './studio-local-time.js';

export type ImportPhase = 'checking' | 'importing';

export interface ImportOptions {
  /** Import the valid rows and report the others, instead of importing nothing. */
  skipInvalid?: boolean;
  /** Check everything, write nothing. */
  dryRun?: boolean;
  /** Called after each row; awaited, so a reporter may write asynchronously. */
  onProgress?: (phase: ImportPhase, done: number, total: number) => void | Promise<void>;
}

export interface ImportProblem {
  /** The data row (1 = first after the header); null for a problem of the file or its header. */
  row: number | null;
  line: number;
  /** The column (or field path) the problem is about; empty for the row or file as a whole. */
  field: string;
  problem: string;
}

export interface ImportResult {
  /** What the rows are, e.g. "clients"; `record` is one of them, e.g. "client". */
  target: string;
  record: string;
  rows: number;
  invalidRows: number;
  imported: number;
  dryRun: boolean;
  skipInvalid: boolean;
  /** Writing failed part-way (e.g. a catalog entry was deleted meanwhile) and nothing was kept. */
  rolledBack: boolean;
  problems: ImportProblem[];
}

/**
 * Imports a CSV file of one record kind into a studio, all or nothing. Every row is checked first,
 * with the same domain validator and reference checks as the API (so a problem reads exactly as
 * the API would word it), and every problem of every row is reported. Only then, if no row has a
 * problem (or --skip-invalid was given), are the rows written, all in one transaction: a failure
 * half-way, such as a catalog entry deleted meanwhile, rolls the whole import back.
 */
export async function importRecords(
  { db, clock }: RecordDeps,
  studio: StudioContext,
  target: ImportTarget,
  content: Buffer,
  actor: Actor,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const result: ImportResult = {
    target: target.name,
    record: target.kind.label.toLowerCase(),
    rows: 0,
    invalidRows: 0,
    imported: 0,
    dryRun: options.dryRun ?? false,
    skipInvalid: options.skipInvalid ?? false,
    rolledBack: false,
    problems: [],
  };
  let file;
  try {
    file = readCsvRows(content);
  } catch (error) {
    if (!(error instanceof CsvFileError)) throw error;
    result.problems.push({ row: null, line: error.line, field: '', problem: error.message });
    return result;
  }
  result.rows = file.rows.length;
  const rows = file.rows;
  const hasValues = (position: number) => rows.some((row) => (row.cells[position] ?? '').trim() !== '');
  const plan = checkImportColumns(target, file.header, hasValues);
  if (plan.problems.length > 0) {
    result.problems.push(...plan.problems.map((problem) => ({ row: null, line: 1, field: '', problem })));
    return result;
  }

  const cells = rows.map((row) => cellsOf(plan.columns, row.cells));
  const lookups = await target.loadLookups(db, studio.id, cells);
  const now = clock.now();
  const valid: { row: CsvRow; record: NewRecord }[] = [];
  for (const [index, row] of rows.entries()) {
    const checked = await checkRow(
      db,
      studio,
      target,
      row,
      cells[index] as Cells,
      file.header.length,
      lookups,
      now,
    );
    if (checked.problems.length === 0) valid.push({ row, record: checked.record });
    else {
      result.invalidRows += 1;
      for (const { path, problem } of checked.problems) {
        result.problems.push({ row: row.row, line: row.line, field: path, problem });
      }
    }
    await options.onProgress?.('checking', index + 1, rows.length);
  }
  if ((result.invalidRows > 0 && !result.skipInvalid) || result.dryRun || valid.length === 0) return result;

  let current: CsvRow | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      for (const [index, { row, record }] of valid.entries()) {
        current = row;
        await insertRecord(trx, studio, target.kind, record, actor, now);
        await options.onProgress?.('importing', index + 1, valid.length);
      }
    });
  } catch (error) {
    if (!(error instanceof AppError) || current === undefined) throw error;
    const details = error.details.length > 0 ? error.details : [{ path: '', problem: error.message }];
    for (const { path, problem } of details) {
      result.problems.push({ row: current.row, line: current.line, field: path, problem });
    }
    result.invalidRows += 1;
    result.rolledBack = true;
    return result;
  }
  result.imported = valid.length;
  return result;
}

/** Checks one row: its shape, its values (converted like the API's), and what it refers to. */
async function checkRow(
  db: RecordDeps['db'],
  studio: StudioContext,
  target: ImportTarget,
  row: CsvRow,
  cells: Cells,
  columnCount: number,
  lookups: ImportLookups,
  now: Date,
): Promise<{ record: NewRecord; problems: ProblemDetail[] }> {
  const problems: ProblemDetail[] = [];
  if (row.cells.length !== columnCount) {
    problems.push({
      path: '',
      problem: `has ${row.cells.length} values but the header has ${columnCount} columns`,
    });
  }
  const input: Record<string, unknown> = {};
  for (const field of importableFields(target)) {
    const value = cells.get(field.name);
    if (value === undefined) continue;
    if (field.type === 'json') {
      try {
        input[field.name] = JSON.parse(value);
      } catch {
        problems.push({ path: field.name, problem: 'must be JSON text, e.g. {"favorite_color": "blue"}' });
      }
    } else if (field.type === 'datetime') {
      const local = withStudioOffset(value, studio.timeZone);
      if ('problem' in local) problems.push({ path: field.name, problem: local.problem });
      else input[field.name] = local.value;
    } else input[field.name] = value;
  }
  const extras = target.mapExtras(cells, input, lookups);
  const { record, problems: fieldProblems } = checkNewRecord(studio, target.kind, input, now, {
    fromText: true,
  });
  const values = record.values;
  const references = await referenceProblems(
    db,
    studio.id,
    target.kind,
    values,
    new Set(Object.keys(values)),
  );
  const column = (p: ProblemDetail) => ({ path: extras.sources[p.path] ?? p.path, problem: p.problem });
  // A value the import could not even read (a bad date-time, an unknown type name) is left out of
  // the input; the validator would then add "is required" about the same column.
  const early = [...problems, ...extras.problems].map(column);
  const unread = new Set(early.map((p) => p.path));
  const later = [...fieldProblems, ...references].map(column).filter((p) => !unread.has(p.path));
  return { record, problems: [...early, ...later] };
}

/** A row's non-blank values by column; blank cells are left out so that defaults apply. */
function cellsOf(columns: readonly (string | null)[], values: readonly string[]): Cells {
  const cells = new Map<string, string>();
  for (const [position, column] of columns.entries()) {
    const value = values[position];
    if (column !== null && value !== undefined && value.trim() !== '') cells.set(column, value);
  }
  return cells;
}
