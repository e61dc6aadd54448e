/** The only source of "now". Everything that needs the time takes a Clock, so tests control it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date(Date.now()) };

/** A clock that moves only when told to; used by tests and, later, studio test clocks. */
export class ManualClock implements Clock {
  #at: number;

  constructor(start: Date | string) {
    this.#at = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#at);
  }

  set(to: Date | string): void {
    this.#at = new Date(to).getTime();
  }

  advance(ms: number): void {
    this.#at += ms;
  }
}
