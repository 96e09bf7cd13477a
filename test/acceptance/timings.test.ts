// Measurements, not assertions (docs/design.md "Tests and benchmarks": speed is benchmarked, not tested): the provider's
// start-to-handshake time, and the wall time of `terraform plan` on one resource of each type.
// Results are printed to stderr; the commands are given with them.
import { spawn } from 'node:child_process';
import { selfSignedCert } from '../../src/emulator/tls';
import { DEFAULT_PROVIDER_ENTRY } from './harness';
import { expectPlan, withAcceptance } from './portsip';

jest.setTimeout(240_000);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** ms from spawning `node dist/provider.js` to its handshake line on stdout (mTLS on, like Terraform). */
function handshakeMs(clientCertPem: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [DEFAULT_PROVIDER_ENTRY], {
      env: {
        PATH: process.env.PATH ?? '',
        TF_PLUGIN_MAGIC_COOKIE: 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2',
        PLUGIN_PROTOCOL_VERSIONS: '5,6',
        PLUGIN_CLIENT_CERT: clientCertPem,
      },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('\n')) {
        const ms = performance.now() - t0;
        if (!/^1\|6\|tcp\|/.test(out)) reject(new Error(`unexpected handshake: ${out}`));
        child.kill('SIGKILL');
        resolve(ms);
      }
    });
    child.on('error', reject);
  });
}

test('measure: provider start-to-handshake and terraform plan of a 4-resource configuration', () =>
  withAcceptance(
    async ({ h }) => {
      const { cert } = selfSignedCert();
      const hs: number[] = [];
      await handshakeMs(cert); // warm the page cache
      for (let i = 0; i < 7; i++) hs.push(await handshakeMs(cert));

      h.writeConfig(`
variable "dealer_password" {
  type      = string
  sensitive = true
  ephemeral = true
}
resource "portsip_dealer" "d" {
  name        = "acme-reseller"
  level       = "DISTRIBUTOR"
  password_wo = var.dealer_password
}
resource "portsip_tenant" "t" {
  name      = "ACME"
  domain    = "acme.example.com"
  timezone  = "UTC"
  currency  = "USD"
  region    = "USA"
  dealer_id = portsip_dealer.d.id
}
resource "portsip_transport" "tcp" {
  protocol = "TCP"
  port     = 5063
}
resource "portsip_ip_rule" "office" {
  cidr   = "198.51.100.0/24"
  target = "ACCEPT"
}
`);
      await h.init();
      await h.apply();
      const plans: number[] = [];
      for (let i = 0; i < 5; i++) plans.push((await expectPlan(h, 0, 'timing run')).durationMs);
      const report = {
        handshake_ms: {
          median: Math.round(median(hs)),
          runs: hs.map(Math.round),
          command: `TF_PLUGIN_MAGIC_COOKIE=... PLUGIN_PROTOCOL_VERSIONS=5,6 PLUGIN_CLIENT_CERT=<pem> node dist/provider.js (spawn -> first stdout line)`,
        },
        plan_4_resources_ms: {
          median: median(plans),
          runs: plans,
          command: 'terraform plan -input=false -no-color -detailed-exitcode (4 resources in state, no changes, emulator on loopback)',
        },
      };
      process.stderr.write(`TIMINGS ${JSON.stringify(report)}\n`);
      expect(hs.length).toBe(7);
      await h.destroy();
    },
    { env: { TF_VAR_dealer_password: 'dealer-Passw0rd' } },
  ));
