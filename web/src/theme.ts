import { createTheme, darken, luminance, type CSSVariablesResolver } from '@mantine/core';

/** One theme for the staff app; screens use its tokens rather than their own colours. */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 8 },
  defaultRadius: 'sm',
  // Drawers and modals appear without sliding for people who ask their system for less motion.
  respectReducedMotion: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  // Mantine's close "×" of a dialog or drawer has no accessible name of its own. Plain objects, not
  // Modal.extend(): importing the components here would pull them into the first chunk.
  components: {
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
  },
});

const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

/** `color`, darkened in small steps until text of it on `background` (or white on it) reads at 4.5:1. */
function readable(color: string, background: string): string {
  let result = color;
  for (let step = 1; contrast(result, background) < 4.5 && step <= 10; step++) {
    result = darken(color, step * 0.05);
  }
  return result;
}

/**
 * Colours meet WCAG AA contrast (4.5:1 for text), which the accessibility journey checks with axe.
 * Mantine's light scheme does not: white on a filled orange, yellow or green button, the "light"
 * variants' shade 9 text on shade 1 and 2 backgrounds, and "dimmed" gray 6 text (3.3:1) all fall
 * short. Here every colour's filled and outline shade and its light text are darkened just enough,
 * light backgrounds are a step paler, and dimmed text is gray 7 (still quieter than body text).
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = { '--mantine-color-dimmed': t.colors.gray[7] };
  for (const [name, shades] of Object.entries(t.colors)) {
    const filled = readable(shades[9], '#ffffff');
    light[`--mantine-color-${name}-filled`] = filled;
    light[`--mantine-color-${name}-filled-hover`] = darken(filled, 0.1);
    light[`--mantine-color-${name}-outline`] = filled;
    light[`--mantine-color-${name}-light`] = shades[0];
    light[`--mantine-color-${name}-light-hover`] = shades[1];
    light[`--mantine-color-${name}-light-color`] = readable(shades[9], shades[1]);
  }
  return { variables: {}, light, dark: {} };
};
