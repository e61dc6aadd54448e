import { CHECKED } from '../../domain/web-forms/check-form-answers.js';
import type { FormDefinition, FormField } from '../../domain/web-forms/form-definition.js';
import { escapeHtml, pageHtml } from '../public-page.js';

export interface FormPageInput {
  title: string;
  studioName: string;
  definition: FormDefinition;
  /** What each field shows: the record's value at first, what was typed after an error. */
  values: Record<string, string>;
  /** Problems by field name; the page opens with their summary. */
  problems: ReadonlyMap<string, string>;
  /** The contact-us page's trap for robots: a field people never see or fill. */
  honeypot: string | null;
}

const idOf = (field: FormField) => `f-${field.name}`;

/**
 * The public page of a form (WCAG-minded, no JavaScript): every input has a `<label for>`,
 * "required" is written in the label, each error sits above its input and is tied to it with
 * `aria-describedby` and `aria-invalid`, and a summary at the top (focused, announced as an alert)
 * links to every field in error. `novalidate` lets the server's messages, the same for every
 * browser, be the ones people read.
 */
export function formPageHtml(input: FormPageInput): string {
  const parts: string[] = [`<h1>${escapeHtml(input.title)}</h1>`];
  const fields = input.definition.pages.flatMap((page) => page.fields);
  if (input.problems.size > 0) parts.push(summaryHtml(fields, input.problems));
  parts.push('<form method="post" novalidate>');
  input.definition.pages.forEach((page, index) => {
    const legend = page.title ? `<legend>${escapeHtml(page.title)}</legend>` : '';
    const intro = page.intro ? `<p>${escapeHtml(page.intro)}</p>` : '';
    const inner = page.fields.map((f) =>
      fieldHtml(f, input.values[f.name] ?? '', input.problems.get(f.name)),
    );
    parts.push(`<fieldset id="page-${index + 1}">${legend}${intro}\n${inner.join('\n')}\n</fieldset>`);
  });
  if (input.honeypot) {
    parts.push(
      `<div class="hp" aria-hidden="true"><label for="hp">Leave this field empty</label>` +
        `<input type="text" id="hp" name="${input.honeypot}" tabindex="-1" autocomplete="off"></div>`,
    );
  }
  parts.push('<button type="submit">Send</button>\n</form>');
  const title = input.problems.size > 0 ? `Error: ${input.title}` : input.title;
  return pageHtml(title, input.studioName, parts.join('\n'));
}

function summaryHtml(fields: readonly FormField[], problems: ReadonlyMap<string, string>): string {
  const items = fields
    .filter((f) => problems.has(f.name))
    .map(
      (f) =>
        `<li><a href="#${idOf(f)}">${escapeHtml(f.label)}: ${escapeHtml(problems.get(f.name) ?? '')}</a></li>`,
    );
  const count = items.length === 1 ? 'There is a problem' : `There are ${items.length} problems`;
  return (
    `<div class="summary" role="alert" tabindex="-1" autofocus aria-labelledby="summary-title">` +
    `<h2 id="summary-title">${count}</h2><ul>${items.join('')}</ul></div>`
  );
}

function fieldHtml(field: FormField, value: string, problem: string | undefined): string {
  const id = idOf(field);
  const described: string[] = [];
  let notes = '';
  if (field.help) {
    described.push(`${id}-help`);
    notes += `<p class="help" id="${id}-help">${escapeHtml(field.help)}</p>`;
  }
  if (problem) {
    described.push(`${id}-error`);
    notes += `<p class="error" id="${id}-error"><span class="vh">Error: </span>${escapeHtml(problem)}</p>`;
  }
  const attrs = [
    `id="${id}"`,
    `name="${field.name}"`,
    field.required ? 'required aria-required="true"' : '',
    problem ? 'aria-invalid="true"' : '',
    described.length > 0 ? `aria-describedby="${described.join(' ')}"` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const required = field.required ? ' <span class="req">(required)</span>' : '';
  const label = `<label for="${id}">${escapeHtml(field.label)}${required}</label>`;
  const css = problem ? 'field has-error' : 'field';
  if (field.type === 'checkbox') {
    const checked = value === CHECKED ? ' checked' : '';
    return `<div class="${css}">${notes}<div class="check"><input type="checkbox" value="${CHECKED}" ${attrs}${checked}>${label}</div></div>`;
  }
  return `<div class="${css}">${label}${notes}${controlHtml(field, value, attrs)}</div>`;
}

const INPUT_TYPES = { text: 'text', email: 'email', phone: 'tel', date: 'date' } as const;
const AUTOCOMPLETE: Record<string, string> = {
  'client.first_name': 'given-name',
  'client.last_name': 'family-name',
  'client.email': 'email',
  'client.phone': 'tel',
  'client.address_line1': 'address-line1',
  'client.address_line2': 'address-line2',
  'client.city': 'address-level2',
  'client.region': 'address-level1',
  'client.postal_code': 'postal-code',
  'client.birth_date': 'bday',
};

function controlHtml(field: FormField, value: string, attrs: string): string {
  const text = escapeHtml(value);
  if (field.type === 'long_text')
    return `<textarea ${attrs} maxlength="${field.maxLength}">${text}</textarea>`;
  if (field.type === 'choice') {
    const options = ['<option value="">Choose…</option>']
      .concat(
        field.choices.map((choice) => {
          const selected = choice === value ? ' selected' : '';
          return `<option value="${escapeHtml(choice)}"${selected}>${escapeHtml(choice)}</option>`;
        }),
      )
      .join('');
    return `<select ${attrs}>${options}</select>`;
  }
  const type = INPUT_TYPES[field.type as keyof typeof INPUT_TYPES] ?? 'text';
  const auto =
    field.binding && AUTOCOMPLETE[field.binding] ? ` autocomplete="${AUTOCOMPLETE[field.binding]}"` : '';
  return `<input type="${type}" ${attrs} value="${text}" maxlength="${field.maxLength}"${auto}>`;
}
