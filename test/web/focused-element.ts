/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/**
 * The element that has keyboard focus: its accessible name as far as a test needs it, where it sits
 * (navigation or the screen) and whether a person can see that it has focus — an outline or a box
 * shadow, the two ways the app's styles draw a focus ring. null while focus is on the page itself.
 */
export function focusedElement(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return {
      name: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim(),
      inNavigation: element.closest('nav') !== null,
      inMain: element.closest('main') !== null,
      visible: outlined || style.boxShadow !== 'none',
    };
  });
}
