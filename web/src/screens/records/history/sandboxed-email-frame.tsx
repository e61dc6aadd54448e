import { Box } from '@mantine/core';

/**
 * An email's HTML in a frame with every sandbox restriction on: no scripts, forms, pop-ups or
 * navigation, and the app's own styles untouched by the message's and the other way round.
 */
export function SandboxedEmailFrame({
  html,
  title,
  height,
}: {
  html: string;
  title: string;
  height: number;
}) {
  return (
    <Box
      component="iframe"
      title={title}
      sandbox=""
      srcDoc={html}
      w="100%"
      h={height}
      style={{ border: '1px solid var(--mantine-color-gray-3)', background: 'white' }}
    />
  );
}
