import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom has neither: Mantine asks matchMedia for the colour scheme and breakpoints, and some of its
// components watch their size. Neither matters to what these tests check.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    dispatchEvent: () => false,
  }),
});
globalThis.ResizeObserver = class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

// Nor the font loading API: a Textarea that grows with its text re-measures when fonts load.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => {}, removeEventListener: () => {} },
  });
}

afterEach(cleanup);
