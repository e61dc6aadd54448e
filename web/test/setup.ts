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

afterEach(cleanup);
