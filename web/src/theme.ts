import { createTheme } from '@mantine/core';

/** One theme for the staff app; screens use its tokens rather than their own colours. */
export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
});
