/**
 * The PDF of an exported invoice: e-Boekhouden's `urlPdfFile`, kept with the export entry's
 * `remote`. Only an absolute http(s) address is ever kept or offered as a link, so nothing an
 * answer carries (`javascript:`, `data:`, a relative path) can run in the options page.
 */
import type { OutboxEntry } from '../db';

/** The address when it is an absolute http(s) URL; undefined for anything else. */
export function httpUrl(url: string | undefined): string | undefined {
  const trimmed = url?.trim();
  if (!trimmed) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return undefined;
  }
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
}

export interface InvoicePdf {
  url: string;
  /** The invoice number in e-Boekhouden, to label the link with. */
  number: string;
}

/** The PDF of an invoice export entry: only once it is done, and only an http(s) address (SOAP has none). */
export function invoicePdf(entry: Pick<OutboxEntry, 'kind' | 'state' | 'remote'> | undefined): InvoicePdf | undefined {
  if (!entry || entry.kind !== 'invoice' || entry.state !== 'done') return undefined;
  const url = httpUrl(entry.remote?.pdfUrl);
  const number = entry.remote?.number;
  return url && number ? { url, number } : undefined;
}
