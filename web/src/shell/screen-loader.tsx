import { Center, Loader } from '@mantine/core';

/** What a screen or section shows while its data loads; `label` names it for screen readers
 * (as a progress bar: a plain element may not carry a name). */
export function ScreenLoader({ label }: { label: string }) {
  return (
    <Center p="xl">
      <Loader role="progressbar" aria-label={label} />
    </Center>
  );
}
