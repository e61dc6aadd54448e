import { loadConfig, publicUrlOf } from '../config.js';
import { systemClock, type Clock } from '../domain/clock.js';
import { openStore, type Store } from '../store/database.js';

/** What commands need from the outside world; tests pass their own database and capture output. */
export interface CliDeps {
  openStore(): Promise<Store>;
  /** Where public links made by processing point (web forms). */
  publicUrl(): string;
  /** UNSUBSCRIBE_SECRET, so links a command makes verify like the server's; null: the generated one. */
  unsubscribeSecret?(): string | null;
  clock: Clock;
  /** Results, on stdout (what a script would capture). */
  print(line: string): void;
  /** Warnings for the person at the terminal, on stderr. */
  warn(line: string): void;
}

export const defaultCliDeps: CliDeps = {
  openStore: () => openStore(loadConfig().databaseUrl),
  publicUrl: () => publicUrlOf(loadConfig()),
  unsubscribeSecret: () => loadConfig().unsubscribeSecret,
  clock: systemClock,
  print: (line) => console.log(line),
  warn: (line) => console.error(line),
};
