import { useRef, useState, type KeyboardEvent } from 'react';
import { addDays } from './calendar-weeks';

const MOVES: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/**
 * One Tab stop for the whole calendar (the grid pattern of WAI-ARIA): the selected day, else the
 * last day focused, else `start`; the arrow keys move a day or a week, Home and End to the window's
 * first and last day. A month of days is then one step in the Tab order, not thirty.
 */
export function useRovingDay(windowDates: readonly string[], start: string) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [focused, setFocused] = useState<string | null>(null);
  const inWindow = new Set(windowDates);
  const current = focused && inWindow.has(focused) ? focused : start;

  const register = (date: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(date, element);
    else buttons.current.delete(date);
  };

  const onKeyDown = (date: string, event: KeyboardEvent) => {
    let target: string | undefined;
    if (event.key in MOVES) target = addDays(date, MOVES[event.key] ?? 0);
    else if (event.key === 'Home') target = windowDates[0];
    else if (event.key === 'End') target = windowDates[windowDates.length - 1];
    else return;
    event.preventDefault();
    if (!target || !inWindow.has(target)) return;
    setFocused(target);
    buttons.current.get(target)?.focus();
  };

  return { tabbable: current, register, onKeyDown, onFocus: setFocused };
}
