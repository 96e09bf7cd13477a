// Provider settings from the environment through real terraform: the values reach the client (the
// Data Flow path), a variable that does not parse is an error naming it, and the warnings for
// insecure_skip_verify and a plain-http remote endpoint show up.
import { withAcceptance } from './portsip';

jest.setTimeout(240_000);

const flat = (s: string) => s.replace(/\s+/g, ' ');

test('PORTSIP_DATA_FLOW_PATH is the path the Data Flow server is read from; PORTSIP_INSECURE_SKIP_VERIFY=true warns', () =>
  withAcceptance(async ({ h, emu }) => {
    h.writeConfig(`
resource "portsip_data_flow_server" "this" {
  public_ipv4 = "203.0.113.7"
}
`);
    await h.init();
    const r = await h.tfWithEnv(
      { PORTSIP_DATA_FLOW_PATH: '/no_such_dataflow', PORTSIP_INSECURE_SKIP_VERIFY: 'true' },
      'apply',
      '-input=false',
      '-no-color',
      '-auto-approve',
    );
    expect(r.code).not.toBe(0);
    const out = flat(r.stdout + r.stderr);
    expect(out).toMatch(/GET \/no_such_dataflow: HTTP 404/);
    expect(out).toContain('set "data_flow_path" in the provider block (or PORTSIP_DATA_FLOW_PATH)');
    expect(out).toContain('Warning: TLS certificate verification is off');
    expect(out).toContain('PORTSIP_INSECURE_SKIP_VERIFY=true: the provider accepts any certificate');
    expect(emu.stats().byRoute['POST /api/dataflow'] ?? 0).toBe(0);
  }));

test('a variable that does not parse and a ca_cert_file that does not exist are errors naming them', () =>
  withAcceptance(async ({ h }) => {
    h.writeConfig('data "portsip_system_status" "s" {}\n');
    await h.init();
    const badEnv = await h.tfWithEnv({ PORTSIP_MAX_RETRIES: 'many' }, 'plan', '-input=false', '-no-color');
    expect(badEnv.code).not.toBe(0);
    expect(flat(badEnv.stderr)).toContain('Environment variable PORTSIP_MAX_RETRIES must be a number; got "many".');

    h.writeConfig(`
provider "portsip" {
  ca_cert_file = "missing-ca.pem"
}
data "portsip_system_status" "s" {}
`);
    const missing = await h.tf('plan', '-input=false', '-no-color');
    expect(missing.code).not.toBe(0);
    expect(flat(missing.stderr)).toContain('Attribute "ca_cert_file" names "missing-ca.pem", which does not exist');
  }));

test('an endpoint with a wrong path: the 404 on the sign-in URL comes with a hint about "endpoint"', () =>
  withAcceptance(async ({ h, emu }) => {
    h.writeConfig('data "portsip_system_status" "s" {}\n');
    await h.init();
    const r = await h.tfWithEnv({ PORTSIP_ENDPOINT: `${emu.url}/portal` }, 'plan', '-input=false', '-no-color');
    expect(r.code).not.toBe(0);
    const err = flat(r.stderr);
    expect(err).toContain('Error: Cannot sign in to the PortSIP PBX');
    expect(err).toMatch(
      /The sign-in endpoint does not exist under "endpoint" \(endpoint "[^"]+\/portal"\): POST \/login\/oauth\/token: HTTP 404/,
    );
    expect(err).toContain('"endpoint" must point at the PBX API, e.g. "https://pbx.example.com:8887" (the provider appends /api)');
  }));
