/**
 * Write validation of products, ledgers and cost centres, with the codes openapi-v1.json gives
 * each field (ART_*, LEDG_*, COST_*). The first broken rule wins.
 */
import { fail } from './errors';
import { digits } from './validate';
import { isKnownVatCode, type SbCostCenter, type SbLedger, type SbProduct, type Store } from '../store';

type Body = Record<string, unknown>;

const present = (v: unknown) => v !== undefined && v !== null;

function str(body: Body, key: string, max: number, tooLong: string): string | undefined {
  const v = body[key];
  if (!present(v)) return undefined;
  if (typeof v !== 'string') fail('ERR_002', key);
  if (v.length > max) fail(tooLong, key);
  return v;
}
function int(body: Body, key: string): number | undefined {
  const v = digits(body[key]);
  if (!present(v)) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) fail('ERR_002', key);
  return v;
}
function num(body: Body, key: string): number | undefined {
  const v = body[key];
  if (!present(v)) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) fail('ERR_002', key);
  return v;
}
function bool(body: Body, key: string): boolean | undefined {
  const v = body[key];
  if (!present(v)) return undefined;
  if (typeof v !== 'boolean') fail('ERR_002', key);
  return v;
}

const MAX_PRICE = 999_999_999_999;

/** POST (all required fields) or PATCH (`existing` given: only what is sent). */
export function validateProduct(store: Store, body: Body, existing?: SbProduct): Partial<SbProduct> {
  const out: Partial<SbProduct> = {};
  const creating = !existing;
  const code = str(body, 'code', 20, 'ART_007');
  if (creating && !code?.trim()) fail('ART_004', 'code');
  if (code !== undefined) {
    if (!code.trim()) fail('ART_004', 'code');
    out.code = code;
  }
  const description = str(body, 'description', 35000, 'ART_008');
  if (creating && !description?.trim()) fail('ART_005', 'description');
  if (description !== undefined) out.description = description;
  const vat = body.vat;
  if (creating && (!present(vat) || vat === '')) fail('ART_017', 'vat');
  if (!creating && (vat === null || vat === '')) fail('ART_022', 'vat');
  if (present(vat)) {
    if (typeof vat !== 'string' || !isKnownVatCode(vat)) fail('ART_013', 'vat');
    out.vat = vat;
  }
  const ledgerId = int(body, 'ledgerId');
  if (creating && !ledgerId) fail('ART_006', 'ledgerId');
  if (ledgerId !== undefined) {
    const ledger = store.ledgers.get(ledgerId);
    if (!ledger) fail('ART_009', 'ledgerId');
    if (ledger.category !== 'BAL' && ledger.category !== 'VW') fail('ART_028', 'ledgerId');
    out.ledgerId = ledgerId;
  }
  const unitId = int(body, 'unitId');
  if (unitId) {
    if (!store.units.has(unitId)) fail('ART_011', 'unitId');
    out.unitId = unitId;
  }
  const groupId = int(body, 'groupId');
  if (groupId) {
    if (!store.productGroups.has(groupId)) fail('ART_012', 'groupId');
    out.groupId = groupId;
  }
  const costCenterId = int(body, 'costCenterId');
  if (costCenterId) {
    const cc = store.costCenters.get(costCenterId);
    if (!cc) fail('ART_015', 'costCenterId');
    if (!cc.active) fail('ART_010', 'costCenterId');
    out.costCenterId = costCenterId;
  }
  const priceExcl = num(body, 'priceExcl');
  const priceIncl = num(body, 'priceIncl');
  if (priceExcl !== undefined && priceIncl !== undefined) fail('ART_016', 'priceIncl');
  if (creating && priceExcl === undefined && priceIncl === undefined) fail('ART_018', 'priceExcl');
  const purchase = num(body, 'purchasePriceExcl');
  for (const [key, value, high, low] of [
    ['priceExcl', priceExcl, 'ART_024', 'ART_029'],
    ['priceIncl', priceIncl, 'ART_025', 'ART_030'],
    ['purchasePriceExcl', purchase, 'ART_027', 'ART_032'],
  ] as const) {
    if (value !== undefined && value > MAX_PRICE) fail(high, key);
    if (value !== undefined && value < -MAX_PRICE) fail(low, key);
  }
  const pct = store.vatPercentage(out.vat ?? existing?.vat ?? 'GEEN');
  if (priceExcl !== undefined) {
    out.priceExcl = priceExcl;
    out.priceIncl = Math.round(priceExcl * (100 + pct)) / 100;
  } else if (priceIncl !== undefined) {
    out.priceIncl = priceIncl;
    out.priceExcl = Math.round((priceIncl * 10000) / (100 + pct)) / 100;
  }
  if (purchase !== undefined) out.purchasePriceExcl = purchase;
  const active = bool(body, 'active');
  if (active !== undefined) out.active = active;
  bool(body, 'inStockManagement');
  const subscriptions = digits(body.updateSubscriptions);
  if (present(subscriptions) && subscriptions !== 0 && subscriptions !== 1 && subscriptions !== 2)
    fail('ART_014', 'updateSubscriptions');
  return out;
}

export function validateLedger(store: Store, body: Body, existing?: SbLedger): Partial<SbLedger> {
  const out: Partial<SbLedger> = {};
  const creating = !existing;
  const code = str(body, 'code', 10, 'LEDG_002');
  if (creating && !code?.trim()) fail('LEDG_001', 'code');
  if (code !== undefined) {
    if (!code.trim()) fail('LEDG_001', 'code');
    const other = store.ledgerByCode(code);
    if (other && other.id !== existing?.id) fail('LEDG_013', 'code');
    out.code = code;
  }
  const description = str(body, 'description', 100, 'LEDG_004');
  if (creating && !description?.trim()) fail('LEDG_003', 'description');
  if (description !== undefined) out.description = description;
  const category = body.category;
  if (present(category)) {
    if (typeof category !== 'string' || !CATEGORIES.has(category)) fail('LEDG_010', 'category');
    out.category = category;
  } else if (creating) out.category = 'BAL';
  const group = str(body, 'group', 50, 'ERR_002');
  if (group !== undefined) out.group = group;
  else if (creating) out.group = '';
  return out;
}

/** The document's `Category` enum. */
const CATEGORIES = new Set(['BAL', 'VW', 'AF6', 'AF19', 'AFOVERIG', 'VOOR', 'BTWRC', 'FIN', 'DEB', 'CRED', 'AF']);

export function validateCostCenter(store: Store, body: Body, existing?: SbCostCenter): Partial<SbCostCenter> {
  const out: Partial<SbCostCenter> = {};
  const creating = !existing;
  const description = str(body, 'description', 50, 'COST_004');
  if (creating && !description?.trim()) fail('COST_003', 'description');
  if (description !== undefined) {
    if (!description.trim()) fail('COST_003', 'description');
    if (/[/>]/.test(description)) fail('COST_012', 'description');
    out.description = description;
  }
  let parentId = existing?.parentId ?? 0;
  if (present(body.parentId)) {
    const requested = int(body, 'parentId') ?? 0;
    if (!creating && requested !== existing.parentId) fail('COST_006', 'parentId');
    if (requested) {
      const parent = store.costCenters.get(requested);
      if (!parent) fail('COST_008', 'parentId');
      if (!parent.active) fail('COST_007', 'parentId');
    }
    parentId = requested;
    out.parentId = requested;
  } else if (creating) out.parentId = 0;
  const name = out.description ?? existing?.description;
  for (const cc of store.costCenters.values())
    if (cc.id !== existing?.id && cc.parentId === parentId && cc.description === name) fail('COST_005', 'description');
  const active = bool(body, 'active');
  if (active !== undefined) out.active = active;
  else if (creating) out.active = true;
  return out;
}
