// Provider settings: every attribute has an environment variable (the block wins), ca_cert_file, the
// data_flow_path setting, and the warnings for insecure_skip_verify and a plain-http remote endpoint.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createCertificate } from '../../src/common/x509';
import {
  buildContext,
  clientOptionsFrom,
  DEFAULT_DATA_FLOW_PATH,
  plainHttpRemote,
  PROVIDER_ENV,
  providerSchema,
  validateProviderConfig,
  withEnvironment,
} from '../../src/resources/provider';
import type { ObjectValue } from '../../src/provider/values';
import { errors, warnings } from './helpers';

const logger = { debug() {}, info() {}, warn() {}, error() {}, trace() {} } as never;
const base = { endpoint: 'https://pbx.example.com:8887', username: 'admin', password: 'x-Passw0rd' };
const build = (config: ObjectValue, env: NodeJS.ProcessEnv) => buildContext(config, env, logger, undefined, { signIn: false });

test('every provider attribute has an environment variable, named in its description', () => {
  expect(Object.keys(PROVIDER_ENV).sort()).toEqual(Object.keys(providerSchema.block.attributes).sort());
  for (const [name, envName] of Object.entries(PROVIDER_ENV)) {
    expect({ name, description: providerSchema.block.attributes[name]!.description }).toEqual({
      name,
      description: expect.stringContaining(`Env: \`${envName}\``),
    });
  }
});

describe('withEnvironment', () => {
  const env = {
    PORTSIP_INSECURE_SKIP_VERIFY: 'TRUE',
    PORTSIP_MAX_CONCURRENCY: '4',
    PORTSIP_MAX_RETRIES: '2',
    PORTSIP_REQUEST_TIMEOUT: '5s',
    PORTSIP_READ_STRATEGY: 'per_resource',
    PORTSIP_API_VERSION: '22.2',
    PORTSIP_DATA_FLOW_PATH: '/data_flow',
    PORTSIP_MAX_REQUESTS_PER_MINUTE: '600',
  };

  test('unset attributes are taken from the environment, typed; the block wins; empty means unset', () => {
    const r = withEnvironment({ max_retries: 5, request_timeout: null }, { ...env, PORTSIP_CA_CERT_PEM: '' });
    expect(r.diagnostics).toEqual([]);
    expect(r.config).toMatchObject({
      insecure_skip_verify: true,
      max_concurrency: 4,
      max_retries: 5,
      request_timeout: '5s',
      read_strategy: 'per_resource',
      api_version: '22.2',
      data_flow_path: '/data_flow',
      max_requests_per_minute: 600,
    });
    expect(r.config.ca_cert_pem).toBeUndefined();
    expect(r.fromEnv.has('max_retries')).toBe(false);
    expect(r.fromEnv.has('max_concurrency')).toBe(true);
  });

  test('a bool or number that does not parse names the variable, the value and what is allowed', () => {
    const r = withEnvironment({}, { PORTSIP_INSECURE_SKIP_VERIFY: 'yes', PORTSIP_MAX_RETRIES: 'many' });
    expect(r.diagnostics.map((d) => d.detail)).toEqual([
      'Environment variable PORTSIP_INSECURE_SKIP_VERIFY must be true or false (or 1 / 0); got "yes".',
      'Environment variable PORTSIP_MAX_RETRIES must be a number; got "many".',
    ]);
  });

  test('a CA in the block keeps both CA variables out', () => {
    const r = withEnvironment({ ca_cert_pem: '-----BEGIN CERTIFICATE-----' }, { PORTSIP_CA_CERT_FILE: '/etc/ca.pem' });
    expect(r.config.ca_cert_file).toBeUndefined();
  });
});

describe('buildContext with settings from the environment', () => {
  test('the client gets the values of the variables', async () => {
    const r = await build(base, { PORTSIP_MAX_RETRIES: '2', PORTSIP_READ_STRATEGY: 'per_resource', PORTSIP_API_VERSION: '22.2' });
    expect(errors(r.diagnostics ?? [])).toEqual([]);
    expect(r.context!.readStrategy).toBe('per_resource');
    await expect(r.context!.apiVersion()).resolves.toBe('22.2');
    const o = clientOptionsFrom(base, { PORTSIP_MAX_RETRIES: '2', PORTSIP_REQUEST_TIMEOUT: '5s', PORTSIP_MAX_CONCURRENCY: '3' }).options!;
    expect(o).toMatchObject({ requestTimeoutMs: 5000, maxConcurrency: 3, retry: { maxAttempts: 3 }, dataflowPath: DEFAULT_DATA_FLOW_PATH });
    expect(clientOptionsFrom({ ...base, data_flow_path: '/dataflow_server' }, {}).options!.dataflowPath).toBe('/dataflow_server');
    expect(clientOptionsFrom(base, { PORTSIP_DATA_FLOW_PATH: 'data_flow' }).options!.dataflowPath).toBe('data_flow');
    await r.context!.client.close();
  });

  test('a bad value from a variable names the variable, not the attribute, and points at no config line', async () => {
    const r = await build(base, { PORTSIP_READ_STRATEGY: 'fast', PORTSIP_REQUEST_TIMEOUT: 'soon' });
    expect(r.context).toBeUndefined();
    const details = errors(r.diagnostics!).map((d) => d.detail);
    expect(details).toContain('Environment variable PORTSIP_READ_STRATEGY must be "batch" or "per_resource"; got "fast".');
    expect(details).toContainEqual(expect.stringMatching(/^Environment variable PORTSIP_REQUEST_TIMEOUT must be a duration/));
    expect(errors(r.diagnostics!).every((d) => d.path === undefined)).toBe(true);
  });
});

describe('ca_cert_file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portsip-ca-'));
  const pem = createCertificate({ commonName: 'pbx.example.com', dnsNames: ['pbx.example.com'], days: 2 }).certPem;
  const file = path.join(dir, 'ca.pem');
  fs.writeFileSync(file, pem);
  fs.writeFileSync(path.join(dir, 'not.pem'), 'hello');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('is read into the client options, from the block or PORTSIP_CA_CERT_FILE', () => {
    expect(clientOptionsFrom({ ...base, ca_cert_file: file }, {}).options!.caCertPem).toBe(pem);
    expect(clientOptionsFrom(base, { PORTSIP_CA_CERT_FILE: file }).options!.caCertPem).toBe(pem);
    expect(clientOptionsFrom(base, { PORTSIP_CA_CERT_PEM: pem }).options!.caCertPem).toBe(pem);
  });

  test('a missing file or one without a certificate names the setting and the path', () => {
    const missing = clientOptionsFrom({ ...base, ca_cert_file: path.join(dir, 'nope.pem') }, {}).diagnostics[0]!;
    expect(missing).toMatchObject({ severity: 'error', path: ['ca_cert_file'] });
    expect(missing.detail).toMatch(/^Attribute "ca_cert_file" names ".*nope\.pem", which does not exist/);
    const notPem = clientOptionsFrom(base, { PORTSIP_CA_CERT_FILE: path.join(dir, 'not.pem') }).diagnostics[0]!;
    expect(notPem.path).toBeUndefined();
    expect(notPem.detail).toMatch(/^Environment variable PORTSIP_CA_CERT_FILE names ".*not\.pem", which holds no PEM certificate/);
  });

  test('conflicts with ca_cert_pem in the block; empty is refused', () => {
    const e = errors(validateProviderConfig({ ca_cert_pem: pem, ca_cert_file: file }));
    expect(e).toEqual([
      expect.objectContaining({ path: ['ca_cert_file'], detail: expect.stringContaining('conflicts with "ca_cert_pem"') }),
    ]);
    expect(errors(validateProviderConfig({ ca_cert_file: ' ' }))[0]!.path).toEqual(['ca_cert_file']);
  });
});

describe('warnings', () => {
  test('insecure_skip_verify = true warns, naming the attribute; with a CA it says the CA is not used', () => {
    const w = warnings(validateProviderConfig({ insecure_skip_verify: true }));
    expect(w).toEqual([expect.objectContaining({ summary: 'TLS certificate verification is off', path: ['insecure_skip_verify'] })]);
    expect(w[0]!.detail).toMatch(/"ca_cert_pem" or "ca_cert_file"/);
    expect(warnings(validateProviderConfig({ insecure_skip_verify: false }))).toEqual([]);
    expect(warnings(validateProviderConfig({ insecure_skip_verify: true, ca_cert_file: '/ca.pem' }))[0]!.summary).toBe(
      'Conflicting TLS settings',
    );
  });

  test('an http:// endpoint warns unless it is loopback', () => {
    for (const e of ['http://pbx.example.com:8899', 'http://10.0.0.5', 'http://[2001:db8::1]:80'])
      expect({ e, remote: plainHttpRemote(e) }).toEqual({ e, remote: true });
    for (const e of ['http://127.0.0.1:8887', 'http://localhost:1', 'http://[::1]:8887', 'https://pbx.example.com', 'http://api.localhost'])
      expect({ e, remote: plainHttpRemote(e) }).toEqual({ e, remote: false });
    const w = warnings(validateProviderConfig({ endpoint: 'http://pbx.example.com:8899' }));
    expect(w).toEqual([expect.objectContaining({ summary: 'Unencrypted connection to the PBX', path: ['endpoint'] })]);
    expect(warnings(validateProviderConfig({ endpoint: 'http://127.0.0.1:8887' }))).toEqual([]);
  });

  test('at configure, the warnings of values from the environment name the variable; the block ones are not repeated', async () => {
    const fromEnv = await build(
      { username: 'admin', password: 'x-Passw0rd' },
      { PORTSIP_ENDPOINT: 'http://pbx.example.com:8899', PORTSIP_INSECURE_SKIP_VERIFY: 'true' },
    );
    const w = warnings(fromEnv.diagnostics!);
    expect(w.map((d) => d.summary).sort()).toEqual(['TLS certificate verification is off', 'Unencrypted connection to the PBX']);
    expect(w.map((d) => d.detail).join('\n')).toMatch(/PORTSIP_INSECURE_SKIP_VERIFY=true/);
    expect(w.map((d) => d.detail).join('\n')).toMatch(/Environment variable PORTSIP_ENDPOINT is a plain http:\/\/ URL/);
    await fromEnv.context!.client.close();
    const fromBlock = await build({ ...base, insecure_skip_verify: true }, {});
    expect(warnings(fromBlock.diagnostics!)).toEqual([]);
    await fromBlock.context!.client.close();
  });

  test('data_flow_path must be a plain API path', () => {
    expect(validateProviderConfig({ data_flow_path: '/dataflow_server' })).toEqual([]);
    const e = errors(validateProviderConfig({ data_flow_path: 'https://x/y' }));
    expect(e[0]).toMatchObject({ path: ['data_flow_path'] });
    expect(e[0]!.detail).toBe(
      'Attribute "data_flow_path" must be an API path relative to /api such as "/dataflow", without spaces, query or scheme; got "https://x/y".',
    );
    expect(errors(validateProviderConfig({ data_flow_path: '/' }))).toHaveLength(1);
  });
});
