import { createRequire } from 'node:module';
import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import type { StudioRow } from '../../store/studios.js';
import { letterLayoutFor, type LetterLayout } from './envelope-window.js';

/** The studio as its letterhead shows it. */
export interface Letterhead {
  readonly name: string;
  readonly senderName: string | null;
  readonly senderEmail: string | null;
  readonly country: string;
  readonly timeZone: string;
}

export function letterheadOf(
  studio: Pick<StudioRow, 'name' | 'sender_name' | 'sender_email' | 'country' | 'time_zone'>,
): Letterhead {
  return {
    name: studio.name,
    senderName: studio.sender_name,
    senderEmail: studio.sender_email,
    country: studio.country,
    timeZone: studio.time_zone,
  };
}

// DejaVu covers Latin, Greek and Cyrillic, so "Zoë Ångström" and "Łukasz" print as written; the
// PDF's standard 14 fonts only know WinAnsi.
const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

export interface OpenedPdf {
  readonly doc: PDFKit.PDFDocument;
  readonly layout: LetterLayout;
  /** Resolves with the whole file once `doc.end()` has been called. */
  readonly done: Promise<Buffer>;
}

/**
 * A PDF on the studio's paper (Letter in the US and Canada, A4 elsewhere) with the DejaVu fonts
 * registered as `regular` and `bold`. `createdAt` is the document's creation date: pdfkit would
 * otherwise read the system clock, and the same content and instant then give the same file.
 */
export function openPdf(
  studio: Letterhead,
  title: string,
  createdAt: Date,
  options: { autoFirstPage?: boolean } = {},
): OpenedPdf {
  const layout = letterLayoutFor(studio.country);
  const doc = new PDFDocument({
    autoFirstPage: options.autoFirstPage ?? true,
    size: layout.paper,
    margins: { ...layout.margin, bottom: layout.margin.top },
    info: { Title: title, Author: studio.name, CreationDate: createdAt },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, layout, done };
}

/** The studio's name in bold at the top of the page, its sender name and email below. */
export function writeLetterhead(doc: PDFKit.PDFDocument, layout: LetterLayout, studio: Letterhead): void {
  const width = doc.page.width - layout.margin.left - layout.margin.right;
  doc.font('bold').fontSize(16).text(studio.name, layout.margin.left, layout.margin.top, { width });
  const details = [studio.senderName, studio.senderEmail].filter(
    (part): part is string => !!part && part !== studio.name,
  );
  if (details.length > 0) doc.font('regular').fontSize(9).text(details.join('  ·  '), { width });
}

/** A date as the studio's paper writes it (`November 23, 2026`, `23 November 2026`), in its zone. */
export function paperDate(instant: Date, studio: Letterhead, layout: LetterLayout): string {
  return DateTime.fromJSDate(instant, { zone: studio.timeZone })
    .setLocale(layout.dateLocale)
    .toLocaleString(DateTime.DATE_FULL);
}
