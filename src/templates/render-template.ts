/**
 * Renders a template against merge data for one studio. Merge data must be plain JSON-like values
 * (objects, arrays, strings, numbers, booleans, null): it is copied with `structuredClone`, which
 * keeps only own data properties, turns class instances into plain objects and refuses functions,
 * so nothing a caller passes by mistake can lend a template a method to call (`ownPropertyOnly`
 * guards the rest). Instants are ISO-8601 strings; money is integer cents.
 */
import { AppError } from '../domain/errors.js';
import { liquidErrorDetail } from './liquid-error-detail.js';
import { createLiquid, type EngineSettings } from './liquid-engine.js';

export type MergeValue = string | number | boolean | null | MergeValue[] | { [key: string]: MergeValue };
export type MergeData = { [key: string]: MergeValue };

export async function renderTemplate(
  source: string,
  data: MergeData,
  settings: EngineSettings,
): Promise<string> {
  const liquid = createLiquid(settings);
  let plain: MergeData;
  try {
    plain = structuredClone(data);
  } catch {
    throw new AppError('ERR_VALIDATION', 'The merge data is not plain data', [
      { path: 'data', problem: 'must contain only objects, arrays, text, numbers, booleans and null' },
    ]);
  }
  try {
    return await liquid.parseAndRender(source, plain);
  } catch (error) {
    const { message, line, column } = liquidErrorDetail(error);
    throw new AppError(
      'ERR_VALIDATION',
      `The template cannot be rendered: ${message} (line ${line}, column ${column})`,
      [{ path: 'template', problem: `${message} at line ${line}, column ${column}` }],
    );
  }
}
