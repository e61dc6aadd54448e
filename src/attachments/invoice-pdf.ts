import { DateTime } from 'luxon';
import { letterLayoutFor } from '../delivery/print/envelope-window.js';
import type { Letterhead } from '../delivery/print/pdf-document.js';
import { DEFAULT_CURRENCY, DEFAULT_LOCALE } from '../templates/liquid-engine.js';
import type { MergeData } from '../templates/render-template.js';
import { moneyFormatter } from '../templates/template-filters.js';
import { clientNameOf } from './booking-details.js';
import { optional, renderDetailPage, type DetailRow } from './detail-page.js';

type Row = Record<string, unknown>;

const TITLES: Record<string, string> = { estimate: 'Estimate', credit_memo: 'Credit memo' };

/**
 * The invoice as a PDF: the studio's letterhead, number and dates, the bill-to client, and its
 * totals — total, paid and due — in the studio's money format (the `money` filter's). Invoices
 * have no lines in the schema, so the totals are what there is to show.
 */
export function renderInvoicePdf(studio: Letterhead, data: MergeData, issuedAt: Date): Promise<Buffer> {
  const invoice = (data.invoice ?? {}) as Row;
  const money = moneyFormatter({ currency: DEFAULT_CURRENCY, locale: DEFAULT_LOCALE });
  const locale = letterLayoutFor(studio.country).dateLocale;
  // Invoice dates are calendar dates: written as they are, with no time zone to move them.
  const day = (value: unknown) =>
    typeof value === 'string' && value !== ''
      ? DateTime.fromISO(value).setLocale(locale).toLocaleString(DateTime.DATE_FULL)
      : null;
  const cents = (value: unknown) => (typeof value === 'number' ? value : 0);
  const total = cents(invoice.total_cents);
  const due = cents(invoice.balance_cents);
  const number = typeof invoice.invoice_number === 'string' ? invoice.invoice_number : null;
  const title = TITLES[String(invoice.invoice_type)] ?? 'Invoice';
  const rows: DetailRow[] = [
    ...optional(`${title} number`, number),
    ...optional('Date', day(invoice.invoice_date)),
    ...optional('Payment due', day(invoice.payment_due_date)),
    { label: 'Bill to', value: clientNameOf(data.client) ?? '—' },
    ...optional('Description', typeof invoice.description === 'string' ? invoice.description : null),
    ...optional('Status', typeof invoice.status_name === 'string' ? invoice.status_name : null),
    { label: 'Total', value: money(total), gapBefore: true },
    { label: 'Paid', value: money(total - due) },
    { label: 'Amount due', value: money(due), strong: true },
  ];
  return renderDetailPage(studio, { title: number ? `${title} ${number}` : title, rows }, issuedAt);
}
