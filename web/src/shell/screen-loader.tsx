import { Center, Loader } from '@mantine/core';

/** What a screen or section shows while its data loads; `label` names it for screen readers. */
export function ScreenLoader({ label }: { label: string }) {
  return (
    <Center p="xl">
      <Loader aria-label={label} />
    </Center>
  );
}
