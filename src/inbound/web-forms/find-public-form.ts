import { studioNow } from '../../control-center/studio-now.js';
import type { Clock } from '../../domain/clock.js';
import type { FormBasis } from '../../domain/web-forms/form-bindings.js';
import { parseFormDefinition, type FormDefinition } from '../../domain/web-forms/form-definition.js';
import type { Db } from '../../store/database.js';
import { loose, type LooseRow } from '../../store/record-table.js';
import { studioContextOf, type StudioContext } from '../../store/studio-context.js';
import type { StudioRow } from '../../store/studios.js';

/** Tokens and public keys are 43 base64url characters; anything else cannot be one. */
const SECRET = /^[A-Za-z0-9_-]{20,100}$/;

/** A form page as its public address finds it, with the studio's own "now" (a sandbox's test clock). */
export interface PublicForm {
  studio: StudioRow;
  context: StudioContext;
  now: Date;
  template: LooseRow;
  definition: FormDefinition;
  /** The instance, for token pages; null for a contact-us page. */
  form: LooseRow | null;
  state: 'open' | 'expired' | 'submitted';
}

/**
 * The form instance a token names, or undefined: unknown tokens, and forms whose template has no
 * definition yet, read the same, so a page never says more than "no form here".
 */
export async function findFormByToken(db: Db, clock: Clock, token: string): Promise<PublicForm | undefined> {
  if (!SECRET.test(token)) return undefined;
  const form = (await loose(db)
    .selectFrom('web_forms')
    .selectAll()
    .where('token', '=', token)
    .executeTakeFirst()) as LooseRow | undefined;
  if (!form) return undefined;
  const template = await templateRow(db, Number(form.studio_id), { id: Number(form.web_form_template_id) });
  const found = template && (await withStudio(db, clock, template, form));
  if (!found) return undefined;
  const editable = template.allow_edits === 1;
  const expired =
    form.expires_at !== null && found.now.getTime() >= new Date(String(form.expires_at)).getTime();
  const state = form.submitted_at !== null && !editable ? 'submitted' : expired ? 'expired' : 'open';
  return { ...found, state };
}

/** The active contact-us template a public key names, or undefined. */
export async function findContactForm(db: Db, clock: Clock, key: string): Promise<PublicForm | undefined> {
  if (!SECRET.test(key)) return undefined;
  const template = await templateRow(db, null, { public_key: key });
  if (!template || template.basis !== 'contact_us' || template.is_inactive === 1) return undefined;
  const found = await withStudio(db, clock, template, null);
  return found && { ...found, state: 'open' };
}

async function templateRow(
  db: Db,
  studioId: number | null,
  where: { id: number } | { public_key: string },
): Promise<LooseRow | undefined> {
  let query = loose(db).selectFrom('web_form_templates').selectAll();
  if (studioId !== null) query = query.where('studio_id', '=', studioId);
  for (const [column, value] of Object.entries(where)) query = query.where(column, '=', value);
  return (await query.executeTakeFirst()) as LooseRow | undefined;
}

async function withStudio(
  db: Db,
  clock: Clock,
  template: LooseRow,
  form: LooseRow | null,
): Promise<Omit<PublicForm, 'state'> | undefined> {
  if (template.definition === null) return undefined;
  const studio = await db
    .selectFrom('studios')
    .selectAll()
    .where('id', '=', Number(template.studio_id))
    .executeTakeFirst();
  if (!studio) return undefined;
  const parsed = parseFormDefinition(JSON.parse(String(template.definition)), template.basis as FormBasis);
  // Definitions are checked when saved; one that no longer reads (a field renamed in a later
  // version) is not shown half-working.
  if (parsed.problems.length > 0) return undefined;
  return {
    studio,
    context: studioContextOf(studio),
    now: studioNow(studio, clock),
    template,
    definition: parsed.definition,
    form,
  };
}
