import type { ProblemDetail } from '../errors.js';
import { EXCLUSION_NAMES, type ExclusionName } from './trigger-exclusions.js';
import type { TriggerExclusions } from './trigger-definition.js';
import type { TriggerTypeDef } from './trigger-types.js';

/**
 * Checks a trigger's exclusions against its type: only known exclusions, switched on only where the
 * type allows them, `nps_range` 0–10 with min ≤ max. Switches that are off (false, null) are
 * dropped rather than refused, so a form may send every switch it shows.
 */
export function exclusionsProblems(
  input: unknown,
  type: TriggerTypeDef | null,
  path: string,
): { exclusions: TriggerExclusions; problems: ProblemDetail[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { exclusions: {}, problems: [{ path, problem: 'must be an object' }] };
  }
  const problems: ProblemDetail[] = [];
  const exclusions: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    const at = `${path}.${name}`;
    if (!EXCLUSION_NAMES.includes(name as ExclusionName)) {
      problems.push({ path: at, problem: 'is not an exclusion' });
      continue;
    }
    if (name === 'nps_range') {
      if (value === null) continue;
      const range = rangeProblems(value, at);
      if (range.length > 0) {
        problems.push(...range);
        continue;
      }
    } else if (typeof value !== 'boolean') {
      problems.push({ path: at, problem: 'must be true or false' });
      continue;
    } else if (!value) continue;
    if (type && !type.exclusions.includes(name as ExclusionName)) {
      problems.push({ path: at, problem: `does not apply to ${type.label} triggers` });
      continue;
    }
    exclusions[name] = value;
  }
  return { exclusions: exclusions as TriggerExclusions, problems };
}

function rangeProblems(value: unknown, path: string): ProblemDetail[] {
  if (typeof value !== 'object' || value === null) return [{ path, problem: 'must be {min, max} or null' }];
  const { min, max, ...rest } = value as Record<string, unknown>;
  const problems: ProblemDetail[] = Object.keys(rest).map((k) => ({
    path: `${path}.${k}`,
    problem: 'is not part of an NPS range',
  }));
  const score = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10;
  if (!score(min)) problems.push({ path: `${path}.min`, problem: 'must be a whole number from 0 to 10' });
  if (!score(max)) problems.push({ path: `${path}.max`, problem: 'must be a whole number from 0 to 10' });
  if (problems.length === 0 && (min as number) > (max as number)) {
    problems.push({ path: `${path}.min`, problem: 'must not be greater than max' });
  }
  return problems;
}
