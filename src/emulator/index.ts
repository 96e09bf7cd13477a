// Public entry point: startEmulator(options) -> handle. Used by the CLI (`portsip emulator`), the
// tests and the acceptance suite.
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { Auth, type OutboxEntry } from './auth';
import { type FaultOptions, Faults } from './faults';
import { adminUserRoutes } from './routes/admin-users';
import { authRoutes } from './routes/auth';
import { dealerRoutes } from './routes/dealers';
import { ipRuleRoutes } from './routes/ip-rules';
import { providerRoutes } from './routes/providers';
import { systemRoutes } from './routes/system';
import { tenantRoutes } from './routes/tenants';
import { transportRoutes } from './routes/transports';
import { Emulator, type Stats, normalizeFaults } from './server';
import { type ApiVersion, DEFAULT_ADMIN_PASSWORD, type PersistedState, SEED_IDS, Store } from './store';
import { selfSignedCert } from './tls';

export { DEFAULT_ADMIN_PASSWORD, SEED_IDS } from './store';
export type { FaultOptions } from './faults';
export type { OutboxEntry } from './auth';
export type { Stats } from './server';
export type { UnknownFields } from './validate';
import type { UnknownFields } from './validate';
export type { ConformanceReport, ConformanceViolation } from './conformance';
import type { ConformanceReport } from './conformance';

export interface EmulatorOptions {
  /** TCP port; 0 (the default) picks any free port. */
  port?: number;
  /** Bind address (default 127.0.0.1). */
  host?: string;
  /** Serve HTTPS. Without cert/key a self-signed certificate is generated. */
  https?: boolean;
  /** PEM certificate (chain) and private key for https. */
  cert?: string;
  key?: string;
  /** Password of the built-in `admin` (SystemAdmin) account at seed time (default "admin123"). */
  adminPassword?: string;
  /** Persist state to this JSON file (atomic writes, reloaded on start). */
  dataFile?: string;
  /** "22.3" (default) or "22.2": toggles the endpoints added/removed in 22.3. */
  apiVersion?: ApiVersion;
  /** Access-token lifetime in seconds (default 3600, §3.1). */
  tokenLifetimeSeconds?: number;
  /** Refresh-token lifetime in seconds (default 7 days). */
  refreshLifetimeSeconds?: number;
  /** Require the e-mail OTP step for every sign-in (also per account: enable_two_factor_authentication). */
  twoFactor?: boolean;
  /**
   * Body keys the documents do not list for the operation: "ignore" (default; dropped, as a typed
   * JSON decoder on the PBX would), "reject" (400 naming the key) or "store" (kept and echoed back,
   * docs/portsip-api.md §6.3's suggestion for fields newer than the documents).
   */
  unknownFields?: UnknownFields;
  /** Same as unknownFields: "reject" (kept for existing callers). */
  strictUnknownFields?: boolean;
  /** Accept TB in size strings (§8 Q13; default false). */
  allowSizeTB?: boolean;
  /** Deleting a dealer that still has tenants/sub-dealers: "reject" (default) or "detach". */
  dealerDelete?: 'reject' | 'detach';
  /** Serve a non-standard GET /api/brand (PortSIP has none, §4 Op 44). */
  brandGet?: boolean;
  /** Fault injection and rate limit (default: none, 10,000 requests/minute). */
  faults?: FaultOptions;
  /**
   * Enforce the inferred uniqueness rules (default true). False accepts two tenants with one domain,
   * two transports on one port, two accounts with one name: a PBX without those rules.
   */
  uniqueKeys?: boolean;
  /**
   * Check every request against PortSIP's documented schema (OpenAPI 22.2, or the documented 22.3
   * shapes for 22.3-only operations) before handling it: a non-conformant request is answered 400
   * and recorded (conformance()). Default false.
   */
  conformance?: boolean;
}

export interface EmulatorHandle {
  /** Base URL ending in /api, e.g. http://127.0.0.1:8887/api */
  url: string;
  port: number;
  host: string;
  /** PEM of the certificate served over https (to trust it in clients), else undefined. */
  certificate?: string;
  close(): Promise<void>;
  setFaults(partial: FaultOptions & { latency?: string | number }): void;
  faults(): Required<FaultOptions>;
  stats(): Stats;
  resetStats(): void;
  /** Requests checked and violations found by the `conformance` option. */
  conformance(): ConformanceReport;
  resetConformance(): void;
  /** Expire every access token now (refresh tokens stay valid). Returns how many. */
  expireAllTokens(): number;
  /** Test access to the store; state() is a deep copy. */
  store: Store;
  state(): PersistedState;
  /** E-mails, OTP codes and password-reset tokens "sent" so far. */
  outbox(): OutboxEntry[];
  clearOutbox(): void;
  seedIds: typeof SEED_IDS;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const apiVersion = options.apiVersion ?? '22.3';
  if (apiVersion !== '22.2' && apiVersion !== '22.3') throw new Error(`apiVersion must be 22.2 or 22.3, not ${String(apiVersion)}`);
  const store = Store.open({ dataFile: options.dataFile, adminPassword: options.adminPassword ?? DEFAULT_ADMIN_PASSWORD });
  const auth = new Auth(store, {
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    refreshLifetimeSeconds: options.refreshLifetimeSeconds ?? 7 * 86400,
    twoFactor: options.twoFactor ?? false,
  });
  const faults = new Faults(options.faults ? normalizeFaults(options.faults as Record<string, unknown>) : {});
  const emu = new Emulator(store, auth, faults, {
    apiVersion,
    unknownFields: options.unknownFields ?? (options.strictUnknownFields ? 'reject' : 'ignore'),
    allowSizeTB: options.allowSizeTB ?? false,
    dealerDelete: options.dealerDelete ?? 'reject',
    brandGet: options.brandGet ?? false,
    bodyLimitBytes: 1 << 20,
    uniqueKeys: options.uniqueKeys ?? true,
    conformance: options.conformance ?? false,
  });
  emu.add([
    ...authRoutes(),
    ...systemRoutes({ brandGet: options.brandGet ?? false }),
    ...adminUserRoutes(),
    ...dealerRoutes(),
    ...ipRuleRoutes(),
    ...transportRoutes(),
    ...tenantRoutes(),
    ...providerRoutes(),
  ]);

  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    emu.handle(req, res).catch((e) => {
      process.stderr.write(`portsip emulator: ${e?.stack ?? e}\n`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
  let certificate: string | undefined;
  let server: http.Server | https.Server;
  if (options.https) {
    let cert = options.cert;
    let key = options.key;
    if (!cert || !key) ({ cert, key } = selfSignedCert());
    certificate = cert;
    server = https.createServer({ cert, key }, listener);
  } else server = http.createServer(listener);
  server.keepAliveTimeout = 5000;

  // Track sockets so close() does not wait for idle keep-alive connections.
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  let closed: Promise<void> | null = null;

  return {
    url: `${options.https ? 'https' : 'http'}://${urlHost}:${port}/api`,
    port,
    host,
    certificate,
    close() {
      closed ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          for (const s of sockets) s.destroy();
        });
        await store.flush();
      })();
      return closed;
    },
    setFaults: (p) => faults.set(normalizeFaults(p as Record<string, unknown>)),
    faults: () => ({ ...faults.cfg }),
    stats: () => emu.stats(),
    resetStats: () => emu.resetStats(),
    conformance: () => emu.conformance.get(),
    resetConformance: () => emu.conformance.reset(),
    expireAllTokens: () => auth.expireAll(),
    store,
    state: () => store.snapshot(),
    outbox: () => auth.outbox.map((e) => ({ ...e })),
    clearOutbox: () => {
      auth.outbox.length = 0;
    },
    seedIds: SEED_IDS,
  };
}
