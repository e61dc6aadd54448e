import { InvalidArgumentError } from 'commander';

/** A commander parser for whole-number options, e.g. `--port`, with the range in its error. */
export function wholeNumber(min: number, max: number): (raw: string) => number {
  return (raw) => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`);
    }
    return value;
  };
}
