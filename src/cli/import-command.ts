import { Argument, type Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config.js';
import { systemClock } from '../domain/clock.js';
import { notFound } from '../domain/errors.js';
import { importColumns } from '../import/check-import-columns.js';
import { clientImport } from '../import/client-import.js';
import { formatImportReport, importFailed } from '../import/format-import-report.js';
import { importRecords } from '../import/import-records.js';
import type { ImportTarget } from '../import/import-target.js';
import { sessionImport } from '../import/session-import.js';
import { openStore } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { loadStudioContext } from '../store/studio-context.js';
import { wholeNumber } from './option-parsers.js';
import { ProgressBar } from './progress-bar.js';

const TARGETS: Record<string, ImportTarget> = { clients: clientImport, sessions: sessionImport };

interface ImportCommandOptions {
  studio: number;
  skipInvalid?: boolean;
  dryRun?: boolean;
}

function columnsHelp(): string {
  return Object.values(TARGETS)
    .map((target) => {
      const extras = Object.entries(target.extraColumns).map(([name, meaning]) => `    ${name}: ${meaning}`);
      return [`\nColumns of ${target.name}:`, `  ${importColumns(target).join(', ')}`, ...extras].join('\n');
    })
    .join('\n');
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('import clients or sessions from a CSV file with a header row, all rows or none')
    .addArgument(new Argument('<kind>', 'what the file holds').choices(Object.keys(TARGETS)))
    .argument('<file>', 'the CSV file (UTF-8, first line names the columns)')
    .requiredOption('--studio <id>', 'the studio to import into', wholeNumber(1, Number.MAX_SAFE_INTEGER))
    .option('--skip-invalid', 'import the valid rows and report the others, instead of importing nothing')
    .option('--dry-run', 'check every row and report, but write nothing')
    .addHelpText(
      'after',
      `${columnsHelp()}\n\nValues are text: dates YYYY-MM-DD, yes/no for flags, date-times with an offset or in the studio's time zone ("2026-05-02 14:00").`,
    )
    .action(async (kindName: string, path: string, options: ImportCommandOptions) => {
      const target = TARGETS[kindName] as ImportTarget;
      const content = await readFile(path);
      const config = loadConfig();
      const store = await openStore(config.databaseUrl);
      try {
        await migrateToLatest(store);
        const studio = await loadStudioContext(store.db, options.studio);
        if (!studio) throw notFound('Studio', options.studio);
        const progress = new ProgressBar(process.stderr);
        const result = await importRecords(
          { db: store.db, clock: systemClock },
          studio,
          target,
          content,
          { userId: null, source: 'import' },
          {
            skipInvalid: options.skipInvalid ?? false,
            dryRun: options.dryRun ?? false,
            onProgress: (phase, done, total) => progress.update(phase, done, total),
          },
        );
        for (const line of formatImportReport(result)) console.log(line);
        if (importFailed(result)) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
