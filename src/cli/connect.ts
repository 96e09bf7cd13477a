// How the CLI's commands that talk to a PBX connect (`portsip export`, `portsip notification`):
// exactly like the provider, through its ConfigureProvider code (src/resources/provider.ts
// buildContext). So they take the same settings from the same environment variables (PORTSIP_*,
// the CA and TLS ones included), sign in once the same way, and a wrong setting is the same one
// error. Flags stand in for the provider block; the password has no flag on purpose (flags end up
// in shell history and `ps` output).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { SILENT_LOGGER, type Logger } from '../provider/logger';
import type { ObjectValue } from '../provider/values';
import type { PortsipContext } from '../resources/common/context';
import { buildContext, providerSchema } from '../resources/provider';

export interface ConnectFlags {
  endpoint?: string;
  username?: string;
  /** A PEM file of the CA that signed the PBX certificate (the provider's `ca_cert_pem`). */
  caCert?: string;
  insecureSkipVerify?: boolean;
}

/** The provider block's values from the flags (the environment fills the rest, as in the provider). */
export function providerConfig(f: ConnectFlags, cwd: string): ObjectValue {
  const config: ObjectValue = {};
  for (const k of Object.keys(providerSchema.block.attributes)) config[k] = null;
  if (f.endpoint) config.endpoint = f.endpoint;
  if (f.username) config.username = f.username;
  if (f.caCert) {
    try {
      config.ca_cert_pem = fs.readFileSync(path.resolve(cwd, f.caCert), 'utf8');
    } catch (e) {
      throw new Error(`--ca-cert ${f.caCert}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
    }
  }
  if (f.insecureSkipVerify) config.insecure_skip_verify = true;
  return config;
}

/**
 * Signs in like ConfigureProvider; a failure is one error naming the flag or variable to fix.
 * `logger`, when given, receives the client's request records (already redacted).
 */
export async function connect(config: ObjectValue, env: NodeJS.ProcessEnv, signal: AbortSignal, logger?: Logger): Promise<PortsipContext> {
  const r = await buildContext(config, logger ? { ...env, PORTSIP_LOG: 'debug' } : env, logger ?? SILENT_LOGGER, signal);
  const err = (r.diagnostics ?? []).find((d) => d.severity === 'error');
  if (err && /^Missing PortSIP /.test(err.summary)) {
    // The provider's wording names its HCL block; here the settings are flags and the environment.
    const what = err.summary.replace('Missing PortSIP ', '');
    const flag =
      what === 'password' ? 'PORTSIP_PASSWORD (the password only from the environment)' : `--${what} or PORTSIP_${what.toUpperCase()}`;
    throw new Error(`${err.summary}: set ${flag}`);
  }
  if (err || !r.context) throw new Error(`${err?.summary ?? 'cannot connect'}: ${err?.detail ?? ''}`.trim());
  return r.context;
}
