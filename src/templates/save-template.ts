import type { Clock } from '../domain/clock.js';
import { validationError } from '../domain/errors.js';
import type { Db } from '../store/database.js';
import {
  getTemplateRow,
  insertTemplate,
  templateJson,
  updateTemplateRow,
  type TemplateJson,
  type TemplateValues,
} from '../store/templates.js';
import { readTemplateInput, templateProblems, TEMPLATE_PARTS } from './check-template.js';

export interface TemplateDeps {
  db: Db;
  clock: Clock;
}

/** Creates a template after checking everything (lint included); bad input writes nothing. */
export async function createTemplate(
  { db, clock }: TemplateDeps,
  studioId: number,
  input: unknown,
): Promise<TemplateJson> {
  const { values, problems } = readTemplateInput(input, 'create');
  problems.push(...templateProblems(values));
  if (problems.length > 0) throw validationError(problems, 'The template is not valid');
  const row: TemplateValues = {
    name: values.name as string,
    channel: values.channel as string,
    basis: values.basis as string,
    subject: values.subject ?? null,
    body_html: values.body_html ?? null,
    body_text: values.body_text ?? null,
    is_inactive: values.is_inactive ?? 0,
  };
  return templateJson(await insertTemplate(db, studioId, row, clock.now().toISOString()));
}

/**
 * Changes the fields given and checks the template they leave behind, so that switching an email
 * to SMS is refused while it still has a subject. The basis is fixed once the template exists:
 * triggers will refer to a template by id and were checked against its basis's merge fields, so
 * a new basis could leave a trigger sending fields its records do not have.
 */
export async function updateTemplate(
  { db, clock }: TemplateDeps,
  studioId: number,
  id: number,
  input: unknown,
): Promise<TemplateJson> {
  const current = await getTemplateRow(db, studioId, id);
  const { values, problems } = readTemplateInput(input, 'update');
  if (values.basis !== undefined && values.basis !== current.basis)
    problems.push({ path: 'basis', problem: 'cannot be changed once the template exists' });
  const merged = { ...current, ...values, basis: current.basis };
  problems.push(...templateProblems(merged));
  if (problems.length > 0) throw validationError(problems, 'The template is not valid');
  const changed = Object.entries(values).some(
    ([key, value]) => current[key as keyof typeof current] !== value,
  );
  // A request that changes nothing writes nothing, like records: updated_at stays put.
  if (!changed) return templateJson(current);
  const parts = Object.fromEntries(TEMPLATE_PARTS.map((part) => [part, merged[part] ?? null]));
  return templateJson(
    await updateTemplateRow(db, studioId, id, {
      ...values,
      ...parts,
      updated_at: clock.now().toISOString(),
    }),
  );
}
