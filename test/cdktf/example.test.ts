// examples/service-provider synthesizes (committed snapshot) and its data is validated at synth.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildApp, STACK_NAME } from '../../examples/service-provider/app';
import { TENANTS } from '../../examples/service-provider/customers';
import { Dealer, IpRule, NotificationSettings, SystemSettings, Tenant, Transport, TrunkAssignment } from '../../src/cdktf';
import './helpers';
import { tempDir } from '../tmp';

function outdir(): string {
  return tempDir('cdktf-example-');
}

test('the service-provider stack synthesizes (snapshot)', () => {
  const dir = outdir();
  try {
    buildApp({ outdir: dir }).app.synth();
    const json = fs.readFileSync(path.join(dir, 'stacks', STACK_NAME, 'cdk.tf.json'), 'utf8');
    const parsed = JSON.parse(json);
    // The cdktf version in the metadata is the only thing that changes with an upgrade, not with the example.
    parsed['//'].metadata.version = 'stubbed';
    expect(parsed).toMatchSnapshot();
    expect(json).toHaveResourceWithProperties(Tenant, {
      domain: 'acme-dental.voice.example.com',
      dealer_id: '${portsip_dealer.dealer-acme-telecom.id}',
    });
    expect(json).toHaveResourceWithProperties(TrunkAssignment, {
      trunk_id: '${var.trunk_id_twilio}',
      tenant_id: '${portsip_tenant.tenant-acme-dental.id}',
    });
    expect(json).toHaveResourceWithProperties(Dealer, { password_wo: '${var.dealer_initial_password}', password_wo_version: 1 });
    expect(json).toHaveResourceWithProperties(Transport, { protocol: 'TLS', port: 5061 });
    expect(json).toHaveResourceWithProperties(IpRule, { target: 'DENY' });
    expect(json).toHaveResourceWithProperties(SystemSettings, { user_agent: 'Example Voice PBX' });
    expect(json).toHaveResourceWithProperties(NotificationSettings, { password_wo: '${var.smtp_password}' });
    expect(parsed.variable.smtp_password).toMatchObject({ sensitive: true, ephemeral: true });
    expect(parsed.terraform.backend.local.path).toBe('terraform.tfstate');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad customer record fails synth with the construct path and the attribute', () => {
  const bad = [
    ...TENANTS,
    {
      ...TENANTS[0]!,
      key: 'typo',
      domain: 'typo.example.com',
      timezone: 'America/NewYork',
      trunks: [{ trunk: 'twilio', didNumbers: '500-400', concurrency: 5 }],
    },
  ];
  const { app } = buildApp({ outdir: outdir(), tenants: bad });
  expect(() => app.synth()).toThrow(/\[service-provider\/tenant-typo\] portsip_tenant\.timezone/);
  try {
    app.synth();
  } catch (e) {
    expect((e as Error).message).toContain('[service-provider/trunk-typo-twilio] portsip_trunk_assignment.did_numbers');
  }
});
