/**
 * The PDF behind an invoice's `urlPdfFile`: a one-page PDF naming the invoice, so the link works.
 */
import type { Context } from 'hono';
import type { SandboxContext } from './faults';

/** A minimal, valid PDF 1.4 with one line of text (offsets computed, so readers need no repair). */
export function pdfOf(text: string): string {
  const safe = text.replace(/[\\()]/g, (ch) => `\\${ch}`);
  const stream = `BT /F1 14 Tf 72 770 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
}

export function invoicePdfRoute(ctx: SandboxContext) {
  return (c: Context) => {
    const invoice = ctx.store.invoices.get(Number(c.req.param('id')));
    if (!invoice) return c.json({ type: 'notFound', title: 'Not Found', status: 404 }, 404);
    return new Response(pdfOf(`Factuur ${invoice.invoiceNumber}`), {
      status: 200,
      headers: { 'Content-Type': 'application/pdf' },
    });
  };
}
