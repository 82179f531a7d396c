/**
 * Settings and credentials: one zod schema, so the popup, the options page and the sync
 * engine agree on what is valid. Messages are keys into the i18n dictionaries
 * (`lib/i18n`), so every field error can be shown in Dutch and English.
 */
import { z } from 'zod';
import { isSalesVatCode } from './eboekhouden/types';
import type { TransportOptions } from './eboekhouden/api';
import { DEFAULT_PROXY_URL } from './default-proxy';

export { DEFAULT_PROXY_URL };

const trimmed = z.string().trim();

export const tokenConnectionSchema = z.object({
  kind: z.literal('token'),
  apiToken: trimmed.min(1, 'settings.error.apiTokenRequired').max(500, 'settings.error.apiTokenTooLong'),
});

export const securityCodesConnectionSchema = z.object({
  kind: z.literal('securityCodes'),
  username: trimmed.min(1, 'settings.error.usernameRequired').max(55, 'settings.error.usernameTooLong'),
  securityCode1: trimmed
    .min(1, 'settings.error.securityCode1Required')
    .regex(/^[0-9a-fA-F]{32}$/, 'settings.error.securityCode1Format'),
  securityCode2: trimmed
    .min(1, 'settings.error.securityCode2Required')
    .regex(
      /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/,
      'settings.error.securityCode2Format',
    ),
});

export const connectionSchema = z.discriminatedUnion('kind', [tokenConnectionSchema, securityCodesConnectionSchema]);
export type Connection = z.infer<typeof connectionSchema>;

export const importChoicesSchema = z.object({
  /** relations → customers */
  customers: z.boolean(),
  /** products → materials and hour types */
  products: z.boolean(),
  /** chart of accounts */
  ledgerAccounts: z.boolean(),
  /** GL transactions (mutations) */
  transactions: z.boolean(),
  /** outstanding items, debtors and creditors */
  openItems: z.boolean(),
});

export const exportChoicesSchema = z.object({
  /** new customers → relations */
  customers: z.boolean(),
  /** completed work orders → invoices */
  workOrders: z.boolean(),
  /** final invoices → invoices */
  invoices: z.boolean(),
});

export const invoiceDefaultsSchema = z
  .object({
    /** Template name as in e-Boekhouden (picked from the imported list with a token, typed with security codes). */
    template: trimmed.max(50, 'settings.error.templateTooLong'),
    termOfPayment: z
      .number({ error: 'settings.error.termOfPayment' })
      .int('settings.error.termOfPayment')
      .min(0, 'settings.error.termOfPayment')
      .max(365, 'settings.error.termOfPayment'),
    /** Our invoice numbers are prefix + a running number, so a retry can look the number up. */
    numberPrefix: trimmed
      .max(20, 'settings.error.prefixTooLong')
      .regex(/^[A-Za-z0-9._/-]*$/, 'settings.error.prefixCharacters'),
    bookInAccounts: z.boolean(),
    emailToCustomer: z.boolean(),
    /**
     * The sender of those e-mails (e-Boekhouden's EmailVanAdres / REST email.fromEmail, at most 150
     * characters). Defaults keep settings stored before these fields existed loadable.
     */
    emailFromAddress: trimmed.max(150, 'settings.error.emailFromAddressTooLong').default(''),
    emailFromName: trimmed.max(150, 'settings.error.emailFromNameTooLong').default(''),
    /** Used for hour lines whose hour type has no VAT code or counter account of its own. */
    hourVatCode: trimmed.refine((c) => c === '' || isSalesVatCode(c), 'settings.error.hourVatCodeSales'),
    hourLedgerCode: trimmed
      .max(10, 'settings.error.ledgerCodeTooLong')
      .regex(/^[0-9A-Za-z]*$/, 'settings.error.ledgerCodeCharacters'),
  })
  .superRefine((invoice, ctx) => {
    // e-Boekhouden refuses an e-mailed invoice without a sender (SOAP CFACT029–036), and the
    // invoice schema checks the address with the same rule, so what is saved here can be sent.
    if (invoice.emailToCustomer && !isEmailAddress(invoice.emailFromAddress)) {
      ctx.addIssue({ code: 'custom', path: ['emailFromAddress'], message: 'settings.error.emailFromAddress' });
    }
  });

/** The same e-mail check as the invoice the address ends up in (`newInvoiceSchema.email.fromAddress`). */
export function isEmailAddress(text: string): boolean {
  return z.email().safeParse(text).success;
}

/** Hosts where plain http never leaves this computer. */
export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'] as const;

/**
 * A token or security codes travel to the proxy: over https, or over http only to this computer.
 * (Unparsable addresses are left to the check before this one.)
 */
function isEncryptedOrLocal(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol !== 'http:' || (LOOPBACK_HOSTS as readonly string[]).includes(u.hostname);
  } catch {
    return true;
  }
}

export const settingsSchema = z.object({
  connection: connectionSchema.nullable(),
  proxyUrl: trimmed
    .min(1, 'settings.error.proxyUrlRequired')
    .refine((u) => {
      try {
        const p = new URL(u).protocol;
        return p === 'http:' || p === 'https:';
      } catch {
        return false;
      }
    }, 'settings.error.proxyUrlInvalid')
    .refine(isEncryptedOrLocal, 'settings.error.proxyUrlInsecure')
    .transform((u) => u.replace(/\/+$/, '')),
  proxyToken: trimmed.max(200, 'settings.error.proxyTokenTooLong'),
  /** Accountants: the administration to sync; '' = the one the credentials open. */
  administrationGuid: trimmed,
  imports: importChoicesSchema,
  exports: exportChoicesSchema,
  invoice: invoiceDefaultsSchema,
  autoSync: z.boolean(),
  /** Every known record is re-read within this many days (REST detail rotation). */
  refreshDays: z.number().int().min(1, 'settings.error.refreshDays').max(90, 'settings.error.refreshDays'),
  language: z.enum(['nl', 'en']),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  connection: null,
  proxyUrl: DEFAULT_PROXY_URL,
  proxyToken: '',
  administrationGuid: '',
  imports: { customers: true, products: true, ledgerAccounts: true, transactions: true, openItems: true },
  exports: { customers: true, workOrders: true, invoices: true },
  invoice: {
    template: '',
    termOfPayment: 14,
    numberPrefix: 'BC',
    bookInAccounts: true,
    emailToCustomer: false,
    emailFromAddress: '',
    emailFromName: '',
    hourVatCode: 'HOOG_VERK_21',
    hourLedgerCode: '8000',
  },
  autoSync: true,
  refreshDays: 7,
  language: 'nl',
};

export type FieldErrors = Record<string, string>;

/**
 * Reads stored settings back. Fields added in a later version get their defaults, and a field
 * that no longer passes validation falls back to its default (then its whole group), so one bad
 * value never costs the person their connection or their other choices.
 */
export function restoreSettings(stored: unknown): Settings {
  const s = (stored !== null && typeof stored === 'object' ? stored : {}) as Partial<Record<keyof Settings, unknown>>;
  const group = <K extends 'imports' | 'exports' | 'invoice'>(key: K) => ({
    ...DEFAULT_SETTINGS[key],
    ...(s[key] !== null && typeof s[key] === 'object' ? (s[key] as object) : {}),
  });
  const candidate: Record<string, unknown> = {
    ...structuredClone(DEFAULT_SETTINGS),
    ...s,
    imports: group('imports'),
    exports: group('exports'),
    invoice: group('invoice'),
  };
  // First reset the exact fields that fail, then the groups that still fail.
  for (const depth of [Infinity, 1]) {
    const result = settingsSchema.safeParse(candidate);
    if (result.success) return result.data;
    for (const issue of result.error.issues)
      resetToDefault(candidate, issue.path.slice(0, depth) as (string | number)[]);
  }
  const last = settingsSchema.safeParse(candidate);
  return last.success ? last.data : structuredClone(DEFAULT_SETTINGS);
}

function resetToDefault(target: Record<string, unknown>, path: (string | number)[]): void {
  if (path.length === 0) return;
  let from: unknown = DEFAULT_SETTINGS;
  let to: unknown = target;
  for (const key of path.slice(0, -1)) {
    from = (from as Record<string | number, unknown> | undefined)?.[key];
    to = (to as Record<string | number, unknown> | undefined)?.[key];
    if (to === null || typeof to !== 'object') return;
  }
  const last = path[path.length - 1];
  const fallback = (from as Record<string | number, unknown> | null | undefined)?.[last];
  (to as Record<string | number, unknown>)[last] = structuredClone(fallback);
}

/** Validates settings; on failure returns one message key per field path ("connection.apiToken"). */
export function validateSettings(
  input: unknown,
): { ok: true; settings: Settings } | { ok: false; errors: FieldErrors } {
  const result = settingsSchema.safeParse(input);
  if (result.success) return { ok: true, settings: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    if (!(path in errors)) errors[path] = issue.message;
  }
  return { ok: false, errors };
}

/** The transport options for these settings. Throws when no connection is configured. */
export function transportOptions(settings: Settings): TransportOptions {
  if (!settings.connection) throw new Error('No connection configured');
  const c = settings.connection;
  return {
    baseUrl: settings.proxyUrl,
    credentials:
      c.kind === 'token'
        ? { kind: 'token', apiToken: c.apiToken }
        : {
            kind: 'securityCodes',
            username: c.username,
            securityCode1: c.securityCode1,
            securityCode2: c.securityCode2,
          },
    proxyToken: settings.proxyToken || undefined,
    administrationGuid: settings.administrationGuid || undefined,
    source: 'BoekhoudC',
  };
}
