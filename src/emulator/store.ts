// In-memory state of one emulated PBX (docs/portsip-api.md §6.1) with optional JSON-file persistence.
// Writes are coalesced (one write per tick burst) and atomic (temp file + rename); close() flushes.
// Sessions and the outbox are deliberately not persisted: a restarted PBX process keeps its data
// but clients simply sign in again.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodeId } from './ids';
import { responseKeys, specOperation } from './validate';

export type Rec = Record<string, any> & { id: string }; // eslint-disable-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type ApiVersion = '22.2' | '22.3';

export const COLLECTIONS = ['adminUsers', 'dealers', 'ipRules', 'transports', 'tenants', 'providers', 'roles'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];
export const SINGLETONS = ['network', 'settings', 'notification', 'sbc', 'im', 'dataflow', 'key', 'brand', 'license', 'tokens'] as const;
export type SingletonName = (typeof SINGLETONS)[number];

export interface Assignment {
  did_numbers: string | null;
  concurrency: number | null;
}

export interface PersistedState {
  format: 'portsip-emulator-state';
  version: 1;
  singletons: Record<SingletonName, Obj>;
  collections: Record<CollectionName, Rec[]>;
  tenantDealer: Record<string, string>;
  assignments: Record<string, Record<string, Assignment>>;
}

// Fixed ids for seed objects, so docs and scripts can name them. The admin's is the docs' own
// sample id (docs/portsip-api.md §2.5).
export const SEED_IDS = {
  admin: encodeId('700551909773148160'),
  transportUdp: encodeId('700551909773148161'),
  providers: [encodeId('700551909773148200'), encodeId('700551909773148201'), encodeId('700551909773148202')] as const,
};
export const DEFAULT_ADMIN_PASSWORD = 'admin123';

export function hashPassword(pw: string): string {
  const salt = randomBytes(8).toString('hex');
  return `sha256$${salt}$${createHash('sha256')
    .update(salt + pw)
    .digest('hex')}`;
}
export function verifyPassword(stored: unknown, pw: string): boolean {
  if (typeof stored !== 'string') return false;
  const [, salt, hex] = stored.split('$');
  const a = Buffer.from(
    createHash('sha256')
      .update(salt + pw)
      .digest('hex'),
  );
  const b = Buffer.from(hex ?? '');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Documented keys of a GET response, each at its schema default or null (fresh-PBX values, §6.2). */
export function defaultsOf(template: string, extra: Obj = {}): Obj {
  const out: Obj = {};
  const schema = specOperation('GET', template)?.responses?.['200']?.content?.['application/json']?.schema;
  for (const k of responseKeys('GET', template)) {
    const d = schema.properties[k]?.default;
    out[k] = d === undefined ? null : d;
  }
  return { ...out, ...extra };
}

function nowIso(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function seedState(adminPassword: string): PersistedState {
  const created = nowIso();
  const provider = (id: string, name: string, brand: string, hostname: string, dids: string, concurrency: number): Rec => ({
    ...defaultsOf('/providers/{id}'),
    id,
    name,
    brand,
    auth_mode: 'REGISTER_AUTH',
    transport: 'UDP',
    hostname,
    port: 5060,
    outbound_server: hostname,
    outbound_server_port: 5060,
    concurrency,
    did_numbers: dids,
    shared: true,
  });
  return {
    format: 'portsip-emulator-state',
    version: 1,
    singletons: {
      network: defaultsOf('/network'),
      settings: defaultsOf('/admin/settings'),
      notification: { ...defaultsOf('/admin/notification'), _password: null },
      sbc: { ...defaultsOf('/sbc'), transports: [] },
      im: defaultsOf('/im'),
      dataflow: { private_ipv4: null, private_ipv6: null, public_ipv4: null, public_ipv6: null },
      key: { crt: null, key: null },
      brand: {
        theme: null,
        logo: null,
        favicon: null,
        title: null,
        copyright: null,
        product: null,
        website: null,
        forum: null,
        bottom_text: null,
      },
      license: {
        api_version: null,
        product_name: 'PortSIP PBX',
        max_sim_calls: 100,
        license_key: 'EMULATOR-TRIAL-LICENSE',
        company_name: null,
        contact_email: null,
      },
      tokens: { sbc: randomBytes(24).toString('hex'), im: randomBytes(24).toString('hex'), dataflow: randomBytes(24).toString('hex') },
    },
    collections: {
      adminUsers: [
        {
          id: SEED_IDS.admin,
          name: 'admin',
          email: null,
          display_name: 'System Administrator',
          enabled: true,
          role: 'SystemAdmin',
          mobile_phone: null,
          work_phone: null,
          home_phone: null,
          address: null,
          department: null,
          website: null,
          created_at: created,
          _password: hashPassword(adminPassword),
          _builtin: true,
        },
      ],
      dealers: [],
      ipRules: [],
      // A fresh PBX listens on UDP 5060 (C9). WSS 5065 is outside the API's protocol enum (§6.2).
      transports: [{ id: SEED_IDS.transportUdp, protocol: 'UDP', port: 5060, verification: null }],
      tenants: [],
      providers: [
        provider(SEED_IDS.providers[0], 'twilio-elastic', 'Twilio', 'example.pstn.twilio.com', '14155550100-14155550199', 30),
        provider(SEED_IDS.providers[1], 'telnyx-main', 'Telnyx', 'sip.telnyx.com', '13125550100-13125550199', 20),
        provider(SEED_IDS.providers[2], 'local-carrier', 'Generic', 'sip.carrier.example', '', 10),
      ],
      roles: [],
    },
    tenantDealer: {},
    assignments: {},
  };
}

export class Store {
  singletons: Record<SingletonName, Obj>;
  c: Record<CollectionName, Map<string, Rec>>;
  tenantDealer: Map<string, string>;
  assignments: Map<string, Map<string, Assignment>>;
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    state: PersistedState,
    private readonly dataFile?: string,
  ) {
    this.singletons = state.singletons;
    this.c = {} as Record<CollectionName, Map<string, Rec>>;
    for (const n of COLLECTIONS) this.c[n] = new Map((state.collections[n] ?? []).map((r) => [r.id, r]));
    this.tenantDealer = new Map(Object.entries(state.tenantDealer ?? {}));
    this.assignments = new Map(Object.entries(state.assignments ?? {}).map(([p, m]) => [p, new Map(Object.entries(m))]));
  }

  /** Load `dataFile` if it exists (reload on start), else seed; a seeded state is written at once. */
  static open(opts: { dataFile?: string; adminPassword?: string }): Store {
    if (opts.dataFile && fs.existsSync(opts.dataFile)) {
      const raw = JSON.parse(fs.readFileSync(opts.dataFile, 'utf8')) as PersistedState;
      if (raw.format !== 'portsip-emulator-state') throw new Error(`${opts.dataFile}: not a portsip emulator state file`);
      const seeded = seedState(opts.adminPassword ?? DEFAULT_ADMIN_PASSWORD);
      // Singletons added by a later emulator version get their defaults.
      for (const s of SINGLETONS) raw.singletons[s] = { ...seeded.singletons[s], ...(raw.singletons[s] ?? {}) };
      return new Store(raw, opts.dataFile);
    }
    const st = new Store(seedState(opts.adminPassword ?? DEFAULT_ADMIN_PASSWORD), opts.dataFile);
    if (opts.dataFile) st.writeSync();
    return st;
  }

  toJSON(): PersistedState {
    const collections = {} as Record<CollectionName, Rec[]>;
    for (const n of COLLECTIONS) collections[n] = [...this.c[n].values()];
    const assignments: Record<string, Record<string, Assignment>> = {};
    for (const [p, m] of this.assignments) assignments[p] = Object.fromEntries(m);
    return {
      format: 'portsip-emulator-state',
      version: 1,
      singletons: this.singletons,
      collections,
      tenantDealer: Object.fromEntries(this.tenantDealer),
      assignments,
    };
  }

  /** Deep copy of the whole state, for tests. */
  snapshot(): PersistedState {
    return JSON.parse(JSON.stringify(this.toJSON()));
  }

  /** Note a mutation; with a data file, schedule one coalesced write. */
  changed(): void {
    if (!this.dataFile) return;
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.kick();
    }, 20);
  }

  /** Queue a write of the current state if anything changed; writes never overlap. */
  private kick(): Promise<void> {
    this.chain = this.chain
      .then(async () => {
        if (!this.dirty) return;
        this.dirty = false;
        const file = this.dataFile!;
        const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
        await fs.promises.writeFile(tmp, JSON.stringify(this.toJSON(), null, 1));
        await fs.promises.rename(tmp, file);
      })
      .catch((e) => {
        this.dirty = true;
        process.stderr.write(`portsip emulator: cannot write ${this.dataFile}: ${e?.message ?? e}\n`);
      });
    return this.chain;
  }

  private writeSync(): void {
    const file = this.dataFile!;
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, JSON.stringify(this.toJSON(), null, 1));
    fs.renameSync(tmp, file);
  }

  /** Write any pending change now and wait for it (called by close()). */
  async flush(): Promise<void> {
    if (!this.dataFile) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.kick();
  }
}
