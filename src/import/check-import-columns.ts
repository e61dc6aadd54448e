import type { FieldDef } from '../domain/record-kinds/index.js';
import type { ImportTarget } from './import-target.js';

export interface ColumnPlan {
  /** Per position of the header: the normalised column name, or null for an ignored empty column. */
  columns: (string | null)[];
  problems: string[];
}

/** "First Name", "first-name" and "first_name" name the same column. */
export function normalizeColumn(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** The registry fields a file may give: not those Triggerfish sets itself. */
export function importableFields(target: ImportTarget): FieldDef[] {
  return target.kind.fields.filter((field) => !field.readOnly && !field.generated);
}

/** Every column an import of the target accepts, for messages and help. */
export function importColumns(target: ImportTarget): string[] {
  return [...importableFields(target).map((field) => field.name), ...Object.keys(target.extraColumns)];
}

/**
 * Checks the header row before any row is read: every column must be a field of the kind or one of
 * the target's friendly columns, none may appear twice, alternatives for one field (client_id or
 * client_number) may not both appear, and every required field needs a column. A problem here
 * concerns every row, so it stops the import even with --skip-invalid.
 */
export function checkImportColumns(
  target: ImportTarget,
  header: readonly string[],
  hasValues: (position: number) => boolean,
): ColumnPlan {
  const problems: string[] = [];
  const fields = new Map(target.kind.fields.map((field) => [field.name, field]));
  const accepted = new Set(importColumns(target));
  const seen = new Set<string>();
  const columns = header.map((raw, position) => {
    const name = normalizeColumn(raw);
    if (name === '') {
      if (hasValues(position)) problems.push(`column ${position + 1} has values but no name`);
      return null;
    }
    if (seen.has(name)) problems.push(`column "${raw.trim()}" appears more than once`);
    seen.add(name);
    if (fields.get(name)?.readOnly || fields.get(name)?.generated) {
      problems.push(`column "${raw.trim()}" is set by Triggerfish and cannot be imported`);
    } else if (!accepted.has(name)) {
      problems.push(
        `column "${raw.trim()}" is not a field of ${target.kind.label.toLowerCase()}; the columns are: ${[...accepted].join(', ')}`,
      );
    }
    return name;
  });
  for (const [field, alternatives] of Object.entries(target.substitutes)) {
    const given = [field, ...alternatives].filter((name) => seen.has(name));
    if (given.length > 1)
      problems.push(`columns ${given.join(' and ')} give the same field; keep one of them`);
  }
  for (const field of importableFields(target)) {
    if (!field.required) continue;
    const options = [field.name, ...(target.substitutes[field.name] ?? [])];
    if (!options.some((name) => seen.has(name))) {
      problems.push(`the file needs a column ${options.join(' or ')}`);
    }
  }
  return { columns, problems };
}
