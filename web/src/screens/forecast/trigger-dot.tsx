import { Box } from '@mantine/core';

/** A trigger's colour as a small dot; decoration only, the trigger's name is always said beside it. */
export function TriggerDot({ colour }: { colour: string }) {
  return (
    <Box
      component="span"
      aria-hidden
      w={10}
      h={10}
      bg={`${colour}.6`}
      style={{ borderRadius: '50%', display: 'inline-block', flexShrink: 0 }}
    />
  );
}
