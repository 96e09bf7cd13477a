// Resilience: a 30-resource configuration applies while the PBX answers ~20% of requests with 503
// and every 10th with 429 + Retry-After. The client retries (creates are looked up by natural key
// before being resent), so the apply succeeds and nothing is created twice. The fault dice are
// seeded (PORTSIP_FAULT_SEED overrides the fixed seed to replay another run); a failure names the seed.
import { expectPlan, liveCounts, withAcceptance } from './portsip';

jest.setTimeout(300_000);

const CONFIG = `
variable "dealer_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "portsip_dealer" "d" {
  count       = 8
  name        = "dealer-\${count.index}"
  level       = "DISTRIBUTOR"
  password_wo = var.dealer_password
}

resource "portsip_tenant" "t" {
  count     = 8
  name      = "Tenant \${count.index}"
  domain    = "t\${count.index}.example.com"
  timezone  = "UTC"
  currency  = "USD"
  region    = "USA"
  dealer_id = count.index < 4 ? portsip_dealer.d[count.index].id : null
}

resource "portsip_transport" "tcp" {
  count    = 7
  protocol = "TCP"
  port     = 6000 + count.index
}

resource "portsip_ip_rule" "r" {
  count  = 7
  cidr   = "10.\${count.index}.0.0/16"
  target = count.index % 2 == 0 ? "ACCEPT" : "DENY"
}
`;

const SEED = Number(process.env.PORTSIP_FAULT_SEED ?? 1616);
const FAULTS = { errorRate: 0.2, errorStatus: 503 as const, burst429Every: 10, burst429Length: 1, retryAfterSeconds: 1, seed: SEED };
const NO_FAULTS = { errorRate: 0, burst429Every: 0, burst429Length: 0 };

/** Runs `body`; a failure's message names the fault seed, so the run can be replayed. */
async function withSeed(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    if (e instanceof Error) e.message = `[fault seed ${SEED}: replay with PORTSIP_FAULT_SEED=${SEED}] ${e.message}`;
    throw e;
  }
}

test('30 resources apply, re-plan empty and destroy under injected 503 and 429 answers, with no duplicates', () =>
  withAcceptance(
    ({ h, emu, api }) =>
      withSeed(async () => {
        h.writeConfig(CONFIG);
        await h.init();
        emu.setFaults(FAULTS);
        await h.apply('-parallelism=10');
        await expectPlan(h, 0, 'after apply under faults');
        const injected = emu.stats().byStatus;
        emu.setFaults(NO_FAULTS);

        expect(h.addresses()).toHaveLength(4);
        expect(await liveCounts(emu, api)).toEqual({ tenants: 8, dealers: 8, transports: 7, ipRules: 7 });
        // Each object exactly once, by natural key.
        const domains = (await api.tenants.listAll()).map((t) => t.domain).sort();
        expect(new Set(domains).size).toBe(8);
        const designated = await Promise.all(
          (await api.tenants.listAll()).map(async (t) => (await api.tenants.getDealers(t.id!)).items.length),
        );
        expect(designated.filter((n) => n === 1)).toHaveLength(4);
        // The faults really happened.
        expect(injected['503'] ?? 0).toBeGreaterThan(5);
        expect(injected['429'] ?? 0).toBeGreaterThan(5);

        emu.setFaults(FAULTS);
        await h.destroy('-parallelism=10');
        emu.setFaults(NO_FAULTS);
        expect(await liveCounts(emu, api)).toEqual({ tenants: 0, dealers: 0, transports: 0, ipRules: 0 });
      }),
    { env: { TF_VAR_dealer_password: 'dealer-Passw0rd' } },
  ));
