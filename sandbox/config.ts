/**
 * The sandbox's knobs: credentials and the behaviours the references leave open
 * (REST.md §8), so tests can pin each variant.
 */
export interface SandboxConfig {
  /** REST API token. Env SANDBOX_API_TOKEN. */
  apiToken: string;
  /** SOAP Username. Env SANDBOX_USERNAME. */
  username: string;
  /** SOAP SecurityCode1. Env SANDBOX_SECURITY_CODE1. */
  securityCode1: string;
  /** SOAP SecurityCode2. Env SANDBOX_SECURITY_CODE2. */
  securityCode2: string;
  restSessionTtlSeconds: number;
  soapSessionTtlSeconds: number;
  /** GetRelaties / GetArtikelen return at most this many per request. */
  soapListCap: number;
  /** GetMutaties returns the last N matching (highest MutatieNr). */
  soapMutationCap: number;
  /** GetMutaties calls allowed per calendar month before E003.1 (SOAP.md §6: 5,000). */
  soapMutationCallsPerMonth: number;
  /** How an empty ArrayOfX is rendered: 'absent' leaves the element out, 'empty' renders `<Relaties />`. */
  soapEmptyList: 'absent' | 'empty';
  /** false: /v1/administration → 400 EP_001; GetAdministraties / OpenSessionSub → E002.5. */
  accountant: boolean;
  /** REST create success status: the document says 201; 200 pins what REST.md once left open. */
  createdStatus: 200 | 201;
  /**
   * REST relation and product list items: 'thin' (id, code …, as live lists have been seen) or 'full'
   * (every detail field, as the document's examples show). The document allows both.
   */
  restListItems: 'thin' | 'full';
  /**
   * GET /v1/ledger/balances and /v1/ledger/{id}/balance answer LEDG_020 ("the request took too long")
   * for a period longer than this many days; 0 = never. The live limit is not documented.
   */
  ledgerBalancesMaxDays: number;
  /** Network profile (network.ts), 0 = off: ms per API request. Env SANDBOX_LATENCY_MS. */
  latencyMs: number;
  /** … plus ms per record in the answer. Env SANDBOX_LATENCY_PER_RECORD_MS. */
  latencyPerRecordMs: number;
  /** … and at most this many requests served at once, the rest queued (0: no cap). Env SANDBOX_MAX_CONCURRENT. */
  maxConcurrent: number;
  /**
   * Refuse the e-mail of an invoice created with `email` (REST): '' sends it; an SMTP_00x code
   * answers 400 with that code. The document does not say whether the invoice is then created;
   * `mailFailureKeepsInvoice` true (the default, the harder case for a client: the invoice exists
   * although the answer is an error) creates it, false creates nothing.
   */
  mailFailure: '' | 'SMTP_001' | 'SMTP_002' | 'SMTP_003';
  mailFailureKeepsInvoice: boolean;
}

function nonNegative(name: string, raw: string | undefined): number {
  if (raw === undefined || raw === '') return 0;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number of 0 or more, got "${raw}"`);
  return n;
}

export function defaultConfig(env: Record<string, string | undefined> = process.env): SandboxConfig {
  return {
    apiToken: env.SANDBOX_API_TOKEN || 'sandbox-token',
    username: env.SANDBOX_USERNAME || 'demo',
    securityCode1: env.SANDBOX_SECURITY_CODE1 || '0123456789abcdef0123456789abcdef',
    securityCode2: env.SANDBOX_SECURITY_CODE2 || '1A2B3C4D-0000-1111-2222-333344445555',
    restSessionTtlSeconds: 3600,
    soapSessionTtlSeconds: 1800,
    soapListCap: 2000,
    soapMutationCap: 500,
    soapMutationCallsPerMonth: 5000,
    soapEmptyList: 'absent',
    accountant: false,
    createdStatus: 201,
    restListItems: 'thin',
    latencyMs: nonNegative('SANDBOX_LATENCY_MS', env.SANDBOX_LATENCY_MS),
    latencyPerRecordMs: nonNegative('SANDBOX_LATENCY_PER_RECORD_MS', env.SANDBOX_LATENCY_PER_RECORD_MS),
    maxConcurrent: Math.floor(nonNegative('SANDBOX_MAX_CONCURRENT', env.SANDBOX_MAX_CONCURRENT)),
    ledgerBalancesMaxDays: 0,
    mailFailure: '',
    mailFailureKeepsInvoice: true,
  };
}

/** Applies a partial config from the control API, keeping only known keys of the right type. */
export function mergeConfig(base: SandboxConfig, patch: Partial<SandboxConfig> | undefined): SandboxConfig {
  const next: SandboxConfig = { ...base };
  if (!patch || typeof patch !== 'object') return next;
  for (const key of Object.keys(base) as (keyof SandboxConfig)[]) {
    const value = (patch as Record<string, unknown>)[key];
    if (value === undefined || typeof value !== typeof base[key]) continue;
    // A negative or non-finite delay or cap is no profile at all: keep the old value.
    if (typeof value === 'number' && !(Number.isFinite(value) && value >= 0)) continue;
    (next as unknown as Record<string, unknown>)[key] = value;
  }
  return next;
}
