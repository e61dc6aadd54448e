import type { ImportProblem, ImportResult } from './import-records.js';

/** `row 3 (line 4): birth_date must be a date written YYYY-MM-DD`; file problems name the line only. */
export function formatImportProblem({ row, line, field, problem }: ImportProblem): string {
  const where = row === null ? `line ${line}` : `row ${row} (line ${line})`;
  return `${where}: ${field ? `${field} ` : ''}${problem}`;
}

/** The report an import prints: every problem, then one sentence on what happened. */
export function formatImportReport(result: ImportResult): string[] {
  const lines = result.problems.map(formatImportProblem);
  const what = result.target;
  const valid = result.rows - result.invalidRows;
  const imported = result.imported === 1 ? `1 ${result.record}` : `${result.imported} ${what}`;
  const fileProblem = result.problems.some((p) => p.row === null);
  if (fileProblem) lines.push(`Nothing was imported: the file cannot be imported as ${what}.`);
  else if (result.rows === 0) lines.push('The file has no rows: nothing to import.');
  else if (result.dryRun) {
    lines.push(
      result.invalidRows === 0
        ? `Dry run: ${result.rows === 1 ? 'the row is' : `all ${result.rows} rows are`} valid; nothing was written.`
        : `Dry run: ${notValid(result)}; nothing was written.`,
    );
  } else if (result.rolledBack) {
    lines.push(
      'Nothing was imported: writing the row above failed, so every row written before it was rolled back.',
    );
  } else if (result.imported === 0) {
    lines.push(
      result.skipInvalid || valid === 0
        ? `Nothing was imported: no row of ${result.rows} could be imported.`
        : `Nothing was imported: ${notValid(result)}. Fix them, or use --skip-invalid to import the ${valid} valid rows.`,
    );
  } else if (result.invalidRows > 0) {
    const skipped = result.invalidRows === 1 ? '1 invalid row' : `${result.invalidRows} invalid rows`;
    lines.push(`Imported ${imported}; skipped ${skipped} (listed above).`);
  } else lines.push(`Imported ${imported}.`);
  return lines;
}

/** Nothing was imported because of problems: the command fails. */
export function importFailed(result: ImportResult): boolean {
  return result.problems.length > 0 && result.imported === 0;
}

function notValid({ invalidRows, rows }: ImportResult): string {
  return `${invalidRows} of ${rows} rows ${invalidRows === 1 ? 'is' : 'are'} not valid`;
}
