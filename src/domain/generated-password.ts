import { randomBytes } from 'node:crypto';

// No 0/O, 1/l/I: the password is read off a terminal and typed by a person.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const GROUPS = 4;
const GROUP_LENGTH = 5;

/**
 * A password for an account nobody has chosen one for yet (the demo owner, `user create`): 20 characters from a
 * 32-letter alphabet, 100 bits of randomness, in groups of five so that it is easy to copy by hand.
 * The alphabet has 32 letters, so a random byte masked to 5 bits picks one without bias.
 */
export function generatePassword(): string {
  const bytes = randomBytes(GROUPS * GROUP_LENGTH);
  const letters = [...bytes].map((byte) => ALPHABET[byte & 31] as string);
  const groups: string[] = [];
  for (let i = 0; i < GROUPS; i += 1)
    groups.push(letters.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH).join(''));
  return groups.join('-');
}
