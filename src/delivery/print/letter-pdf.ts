import type { LetterLayout } from './envelope-window.js';
import { openPdf, paperDate, writeLetterhead, type Letterhead } from './pdf-document.js';

export type { Letterhead };

export interface PrintedLetter {
  /** Address lines joined by newlines, as processing wrote them. */
  readonly toAddress: string | null;
  readonly text: string | null;
}

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
  const { doc, layout, done } = openPdf(studio, `Letters from ${studio.name}`, printedAt, {
    autoFirstPage: false,
  });
  const date = paperDate(printedAt, studio, layout);
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
