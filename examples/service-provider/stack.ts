// The service provider's PBX as one cdktf stack: dealers, their tenants and trunk assignments,
// SIP transports, the IP allow/deny list, and the system and notification settings.
//
// Secrets never enter the synthesized JSON: the PortSIP admin credentials come from PORTSIP_* in
// the provider's environment, and the dealer and SMTP passwords from Terraform variables that are
// set through TF_VAR_* at plan/apply time and reach the provider only in write-only attributes
// (Terraform 1.11): they end up in neither cdk.tf.json, nor the plan, nor the state.
import type { Construct } from 'constructs';
import {
  Dealer,
  IpRule,
  LocalBackend,
  NotificationSettings,
  PortsipProvider,
  S3Backend,
  SystemSettings,
  Tenant,
  TerraformOutput,
  TerraformStack,
  TerraformVariable,
  Transport,
  TrunkAssignment,
  DataPortsipSystemStatus,
} from '../../src/cdktf';
import { DEALERS, IP_RULES, TENANTS, TRANSPORTS, type DealerSpec, type TenantSpec } from './customers';

/** The trunks PortSIP's emulator seeds (docs/emulator.md "Seed data"); on a real PBX pass your own ids. */
export const EMULATOR_TRUNK_IDS: Record<string, string> = {
  twilio: 'NzAwNTUxOTA5NzczMTQ4MjAw',
  telnyx: 'NzAwNTUxOTA5NzczMTQ4MjAx',
  local: 'NzAwNTUxOTA5NzczMTQ4MjAy',
};

export interface ServiceProviderProps {
  readonly dealers?: readonly DealerSpec[];
  readonly tenants?: readonly TenantSpec[];
  /** Default trunk ids for the `trunk_id_<key>` variables. @default EMULATOR_TRUNK_IDS */
  readonly trunkIds?: Record<string, string>;
  /** Also manage the singleton system and notification settings. @default true */
  readonly manageSettings?: boolean;
  /**
   * Keep state in S3 (what a CI pipeline needs: runs share nothing) instead of terraform.tfstate
   * next to cdk.tf.json. app.ts fills it from TF_STATE_BUCKET / TF_STATE_KEY / AWS_REGION.
   */
  readonly s3State?: { readonly bucket: string; readonly key: string; readonly region?: string };
}

/** A secret input: set by TF_VAR_<name> when terraform runs, never written into the synthesized JSON. */
function secretVariable(scope: Construct, name: string, description: string): TerraformVariable {
  const v = new TerraformVariable(scope, name, { type: 'string', sensitive: true, nullable: false, description });
  // Terraform 1.10+ ephemeral variable: usable only in write-only attributes and provider blocks, and
  // never stored in a plan file or state. cdktf 0.21 predates the flag, hence the override.
  v.addOverride('ephemeral', true);
  return v;
}

export class ServiceProviderStack extends TerraformStack {
  readonly dealers: Record<string, Dealer> = {};
  readonly tenants: Record<string, Tenant> = {};

  constructor(scope: Construct, id: string, props: ServiceProviderProps = {}) {
    super(scope, id);
    if (props.s3State) {
      const backend = new S3Backend(this, {
        bucket: props.s3State.bucket,
        key: props.s3State.key,
        region: props.s3State.region,
        encrypt: true,
      });
      // Terraform 1.10+ locks with a lock object in the bucket (no DynamoDB table); cdktf 0.21
      // predates the option.
      backend.addOverride('use_lockfile', true);
    } else {
      // State next to cdk.tf.json: fine for a laptop and the demo, not for CI.
      new LocalBackend(this, { path: 'terraform.tfstate' });
    }

    // Endpoint and admin credentials from PORTSIP_ENDPOINT / PORTSIP_USERNAME / PORTSIP_PASSWORD.
    new PortsipProvider(this, 'portsip', { readStrategy: 'batch' });

    const dealerPassword = secretVariable(
      this,
      'dealer_initial_password',
      'Initial password of every new dealer account (they change it in the portal; never read back, so no drift).',
    );

    for (const d of props.dealers ?? DEALERS) {
      this.dealers[d.name] = new Dealer(this, `dealer-${d.name}`, {
        name: d.name,
        level: d.level,
        displayName: d.displayName,
        email: d.email,
        maxTenants: d.maxTenants,
        maxExtensions: d.maxExtensions,
        passwordWo: dealerPassword.stringValue,
        // Sent on create; bump to push a new initial password to every dealer.
        passwordWoVersion: 1,
      });
    }

    const trunkIds = props.trunkIds ?? EMULATOR_TRUNK_IDS;
    const trunkVars: Record<string, TerraformVariable> = {};
    for (const [key, id] of Object.entries(trunkIds)) {
      trunkVars[key] = new TerraformVariable(this, `trunk_id_${key}`, {
        type: 'string',
        default: id,
        description: `PortSIP id of the ${key} trunk (GET /api/providers).`,
      });
    }

    for (const t of props.tenants ?? TENANTS) {
      const dealer = t.dealer ? this.dealers[t.dealer] : undefined;
      if (t.dealer && !dealer) throw new Error(`tenant ${t.key}: unknown dealer ${t.dealer}`);
      const tenant = new Tenant(this, `tenant-${t.key}`, {
        name: t.name,
        domain: t.domain,
        timezone: t.timezone,
        region: t.region,
        currency: t.currency,
        maxExtensions: t.maxExtensions,
        maxConcurrentCalls: t.maxConcurrentCalls,
        enableAudioRecording: true,
        // Designates the tenant to its dealer (and removes the designation when unset).
        ...(dealer ? { dealerId: dealer.id } : {}),
      });
      this.tenants[t.key] = tenant;
      for (const use of t.trunks) {
        const trunk = trunkVars[use.trunk];
        if (!trunk) throw new Error(`tenant ${t.key}: unknown trunk ${use.trunk}`);
        new TrunkAssignment(this, `trunk-${t.key}-${use.trunk}`, {
          trunkId: trunk.stringValue,
          tenantId: tenant.id,
          didNumbers: use.didNumbers,
          concurrency: use.concurrency,
        });
      }
    }

    for (const tr of TRANSPORTS) {
      new Transport(this, `transport-${tr.key}`, {
        protocol: tr.protocol,
        port: tr.port,
        ...(tr.verification ? { verification: tr.verification } : {}),
      });
    }

    for (const r of IP_RULES) {
      new IpRule(this, `ip-${r.key}`, {
        cidr: r.cidr,
        target: r.target,
        description: r.description,
        ...(r.expireAt ? { expireAt: r.expireAt } : {}),
      });
    }

    if (props.manageSettings ?? true) {
      new SystemSettings(this, 'system', {
        userAgent: 'Example Voice PBX',
        registerExpirationTime: 600,
        enablePrack: true,
        sipFailedAuthAmount: 20,
        webFailedAuthAmount: 5,
      });

      const smtpPassword = secretVariable(this, 'smtp_password', 'Password of the alert mail account.');
      new NotificationSettings(this, 'notifications', {
        type: 'SMTP',
        server: 'smtp.example.com',
        port: 587,
        enableTlsSsl: false,
        enableStarttlsAuto: true,
        auth: 'LOGIN',
        username: 'pbx-alerts@example.com',
        passwordWo: smtpPassword.stringValue,
        passwordWoVersion: 1,
        replyTo: 'noc@example.com',
        recipients: 'noc@example.com,oncall@example.com',
        notifyIpBlocked: true,
        notifyServiceDisconnected: true,
        notifyCpuExceededThreshold: true,
        cpuThreshold: 0.9,
      });
    }

    const status = new DataPortsipSystemStatus(this, 'status', {});
    new TerraformOutput(this, 'pbx_version', { value: status.version });
    new TerraformOutput(this, 'tenant_ids', { value: Object.fromEntries(Object.entries(this.tenants).map(([k, t]) => [k, t.id])) });
    new TerraformOutput(this, 'dealer_ids', { value: Object.fromEntries(Object.entries(this.dealers).map(([k, d]) => [k, d.id])) });
  }
}
