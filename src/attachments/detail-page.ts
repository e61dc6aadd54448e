import { openPdf, paperDate, writeLetterhead, type Letterhead } from '../delivery/print/pdf-document.js';

/** One line of a document's details: a label and its value, the value in bold when `strong`. */
export interface DetailRow {
  readonly label: string;
  readonly value: string;
  readonly strong?: boolean;
  /** Extra space above the row, to set a group apart (the totals of an invoice). */
  readonly gapBefore?: boolean;
}

/** A row only when its value is known (no "Location: —" for a session without one). */
export const optional = (label: string, value: string | null): DetailRow[] =>
  value ? [{ label, value }] : [];

const INCH = 72;
const LABEL_WIDTH = 1.8 * INCH;

/**
 * A one-page document on the studio's letterhead and paper, the way letters look: a title, then
 * labelled details, then the date it was issued in the studio's time zone. `issuedAt` is also the
 * PDF's creation date, so a document does not depend on when the system clock ran.
 */
export async function renderDetailPage(
  studio: Letterhead,
  page: { readonly title: string; readonly rows: readonly DetailRow[] },
  issuedAt: Date,
): Promise<Buffer> {
  const { doc, layout, done } = openPdf(studio, `${page.title} — ${studio.name}`, issuedAt);
  writeLetterhead(doc, layout, studio);
  const left = layout.margin.left;
  const width = doc.page.width - left - layout.margin.right;
  doc
    .font('bold')
    .fontSize(18)
    .text(page.title, left, layout.margin.top + 1.1 * INCH, { width });
  let y = doc.y + 0.3 * INCH;
  for (const row of page.rows) {
    if (row.gapBefore) y += 0.2 * INCH;
    doc.font('regular').fontSize(10).fillColor('#555555');
    const labelHeight = doc.heightOfString(row.label, { width: LABEL_WIDTH - 8 });
    doc.text(row.label, left, y, { width: LABEL_WIDTH - 8 });
    doc
      .font(row.strong ? 'bold' : 'regular')
      .fontSize(11)
      .fillColor('#000000');
    const valueWidth = width - LABEL_WIDTH;
    const valueHeight = doc.heightOfString(row.value, { width: valueWidth });
    doc.text(row.value, left + LABEL_WIDTH, y, { width: valueWidth });
    y += Math.max(labelHeight, valueHeight) + 6;
  }
  doc
    .font('regular')
    .fontSize(9)
    .fillColor('#555555')
    .text(`Issued ${paperDate(issuedAt, studio, layout)}`, left, y + 0.4 * INCH, { width });
  doc.end();
  return done;
}
