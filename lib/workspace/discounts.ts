/**
 * A line's discount on its price per unit (openapi-v1.json: `discountAmount` "a fixed discount on
 * the pricePerUnit", `discountPercentage` "a percentage discount on the pricePerUnit", never both).
 * SOAP AddFactuur has no discount field at all (soap.wsdl cFactuurRegel), so a discounted line can
 * only go over REST.
 */
import type { InvoiceLine } from '../eboekhouden/types';
import type { Settings } from '../settings';
import { text, type TextKey, type Param, type Text } from '../i18n/translate';
import { decimalsAtMost } from './checks';

export interface Discounted {
  discountAmount?: number;
  discountPercentage?: number;
}

export function hasDiscount(line: Discounted): boolean {
  return line.discountAmount !== undefined || line.discountPercentage !== undefined;
}

/** What is wrong with the line's discount (for `{where}` in the message), or undefined. */
export function discountProblem(
  line: Discounted & Pick<InvoiceLine, 'pricePerUnit'>,
): { code: string; key: TextKey; params: Record<string, string | number> } | undefined {
  const { discountAmount: amount, discountPercentage: pct } = line;
  if (amount !== undefined && pct !== undefined)
    return { code: 'LINE_DISCOUNT_BOTH', key: 'invoice.line.discountBoth', params: {} };
  if (pct !== undefined && !(decimalsAtMost(pct, 2) && pct >= 0 && pct <= 100))
    return { code: 'LINE_DISCOUNT_PERCENTAGE', key: 'invoice.line.discountPercentage', params: { value: pct } };
  // The discount is on the price per unit: more than the price would turn the line around.
  if (amount !== undefined && !(decimalsAtMost(amount, 2) && amount >= 0 && amount <= Math.abs(line.pricePerUnit)))
    return {
      code: 'LINE_DISCOUNT_AMOUNT',
      key: 'invoice.line.discountAmount',
      params: { value: amount, price: line.pricePerUnit },
    };
  return undefined;
}

/** Only the discount fields that are set, so a line without a discount stays as it was. */
export function discountOf(line: Discounted): Discounted {
  const out: Discounted = {};
  if (line.discountAmount !== undefined) out.discountAmount = line.discountAmount;
  if (line.discountPercentage !== undefined) out.discountPercentage = line.discountPercentage;
  return out;
}

/**
 * SOAP AddFactuur has no discount field (soap.wsdl cFactuurRegel): with security codes a discounted
 * line cannot be sent as it is. Said before anything is sent, never dropped silently.
 */
export function soapDiscountNotices(
  lines: InvoiceLine[],
  settings: Settings,
  record: Param,
): (Text & { code: string })[] {
  if (settings.connection?.kind !== 'securityCodes') return [];
  return lines.flatMap((l, i) =>
    hasDiscount(l)
      ? [
          {
            code: 'LINE_DISCOUNT_SOAP',
            ...text('invoice.line.discountSoap', {
              where: text('invoice.line', { record, line: i + 1, what: l.code || l.description || '?' }),
            }),
          },
        ]
      : [],
  );
}
