import { createRequire } from 'node:module';
import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import { letterLayoutFor, type LetterLayout } from './envelope-window.js';

/** The studio as its letterhead shows it. */
export interface Letterhead {
  readonly name: string;
  readonly senderName: string | null;
  readonly senderEmail: string | null;
  readonly country: string;
  readonly timeZone: string;
}

export interface PrintedLetter {
  /** Address lines joined by newlines, as processing wrote them. */
  readonly toAddress: string | null;
  readonly text: string | null;
}

// DejaVu covers Latin, Greek and Cyrillic, so "Zoë Ångström" and "Łukasz" print as written; the
// PDF's standard 14 fonts only know WinAnsi.
const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

const ADDRESS_SIZE = 10;
const ADDRESS_LEADING = 2;

/**
 * One PDF of letters, one per page: the studio's letterhead, the recipient's address where the
 * envelope window shows it, the date (`printedAt` in the studio's time zone), then the text. The
 * same letters and instant give the same document, so a reprint matches the first print.
 */
export async function renderLetters(
  studio: Letterhead,
  letters: readonly PrintedLetter[],
  printedAt: Date,
): Promise<Buffer> {
  const layout = letterLayoutFor(studio.country);
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: layout.paper,
    info: { Title: `Letters from ${studio.name}`, Author: studio.name, CreationDate: printedAt },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const date = DateTime.fromJSDate(printedAt, { zone: studio.timeZone })
    .setLocale(layout.dateLocale)
    .toLocaleString(DateTime.DATE_FULL);
  for (const letter of letters) {
    doc.addPage({ size: layout.paper, margins: { ...layout.margin, bottom: layout.margin.top } });
    writeLetterhead(doc, layout, studio);
    writeAddress(doc, layout, letter.toAddress);
    const width = doc.page.width - layout.margin.left - layout.margin.right;
    doc.font('regular').fontSize(11).text(date, layout.margin.left, layout.dateY, { width });
    doc.moveDown(1.5).text(letter.text ?? '', { width, lineGap: 2 });
  }
  doc.end();
  return done;
}

function writeLetterhead(doc: PDFKit.PDFDocument, layout: LetterLayout, studio: Letterhead): void {
  const width = doc.page.width - layout.margin.left - layout.margin.right;
  doc.font('bold').fontSize(16).text(studio.name, layout.margin.left, layout.margin.top, { width });
  const details = [studio.senderName, studio.senderEmail].filter(
    (part): part is string => !!part && part !== studio.name,
  );
  if (details.length > 0) doc.font('regular').fontSize(9).text(details.join('  ·  '), { width });
}

/** The address block, cut to the lines the window shows rather than spilling under its edge. */
function writeAddress(doc: PDFKit.PDFDocument, layout: LetterLayout, address: string | null): void {
  const lines = (address ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, layout.address.lines);
  const { x, y, width } = layout.address;
  doc.font('regular').fontSize(ADDRESS_SIZE);
  lines.forEach((line, i) => {
    doc.text(line, x, y + i * (ADDRESS_SIZE + ADDRESS_LEADING), { width, lineBreak: false, ellipsis: true });
  });
}
