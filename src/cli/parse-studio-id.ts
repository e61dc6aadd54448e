import { InvalidArgumentError } from 'commander';

/** Commander parser for `--studio <id>`. */
export function parseStudioId(raw: string): number {
  if (!/^\d{1,15}$/.test(raw) || Number(raw) < 1)
    throw new InvalidArgumentError('must be a studio id (a positive whole number)');
  return Number(raw);
}
