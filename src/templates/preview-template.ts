/**
 * Renders a template (saved or still in the editor) against one real record of the studio, in the
 * studio's time zone and country, the way a message would be made. Lint problems and a part that
 * fails to render come back as `problems` beside whatever did render, so an editor can show both
 * while someone types; only a missing record (404) or a malformed request (400) is an error.
 */
import { smsSegments, type SmsEncoding } from '../domain/sms-segments.js';
import { AppError, validationError, type ProblemDetail } from '../domain/errors.js';
import type { Db } from '../store/database.js';
import type { StudioRow } from '../store/studios.js';
import { buildMergeData } from './build-merge-data.js';
import { lintParts, readTemplateInput, type TemplateInput, type TemplatePart } from './check-template.js';
import { renderTemplate } from './render-template.js';
import type { TemplateBasis } from './merge-fields.js';

export interface TemplatePreview {
  subject: string | null;
  html: string | null;
  text: string | null;
  sms: { characters: number; segments: number; encoding: SmsEncoding } | null;
  problems: ProblemDetail[];
}

/** The `record_id` of a preview request, checked: a positive whole number. */
export function readPreviewRecordId(body: unknown): { recordId: number | null; problems: ProblemDetail[] } {
  const value = (body as { record_id?: unknown } | null)?.record_id;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0)
    return { recordId: value, problems: [] };
  return {
    recordId: null,
    problems: [{ path: 'record_id', problem: 'must be the id of a record of the basis kind' }],
  };
}

/** An unsaved template from an editor: channel, basis and parts, checked for shape only. */
export function readUnsavedTemplate(body: unknown): { template: TemplateInput; recordId: number } {
  const allowed = ['channel', 'basis', 'subject', 'body_html', 'body_text', 'record_id'];
  const { values, problems } = readTemplateInput(body, 'create', allowed);
  const { recordId, problems: idProblems } = readPreviewRecordId(body);
  problems.push(...idProblems);
  if (problems.length > 0 || recordId === null)
    throw validationError(problems, 'The preview request is not valid');
  return { template: values, recordId };
}

export async function previewTemplate(
  db: Db,
  studio: StudioRow,
  template: TemplateInput,
  recordId: number,
): Promise<TemplatePreview> {
  const basis = template.basis as TemplateBasis;
  const data = await buildMergeData(db, studio, basis, recordId);
  const problems = lintParts(template, basis);
  const settings = { timeZone: studio.time_zone, country: studio.country };
  const render = async (part: TemplatePart): Promise<string | null> => {
    const source = template[part];
    if (typeof source !== 'string') return null;
    try {
      return await renderTemplate(source, data, settings);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push(...error.details.map((d) => ({ path: part, problem: d.problem })));
      return null;
    }
  };
  const [subject, html, text] = [
    await render('subject'),
    await render('body_html'),
    await render('body_text'),
  ];
  const segments = template.channel === 'sms' && text !== null ? smsSegments(text) : null;
  return {
    subject,
    html,
    text,
    sms: segments && {
      characters: segments.characters,
      segments: segments.segments,
      encoding: segments.encoding,
    },
    problems,
  };
}
