import { lazy, type ComponentType } from 'react';

/**
 * A screen loaded when first shown: its module becomes a chunk of its own, so signing in fetches
 * only the shell and the sign-in screen. Screens are named exports; React.lazy wants a default.
 */
export function lazyScreen<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
