import { Badge } from '@mantine/core';
import { passWord } from './explain-value';

/** The verdict of a criterion or exclusion as a coloured word. */
export function PassBadge({ pass }: { pass: boolean | null }) {
  const word = passWord(pass);
  return (
    <Badge color={word.color} variant="light">
      {word.label}
    </Badge>
  );
}
