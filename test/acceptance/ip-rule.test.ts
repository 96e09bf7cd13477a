// portsip_ip_rule end to end: real terraform -> dist/provider.js -> the emulator.
import { attrs, expectExit, expectPlan, liveCounts, reimport, withAcceptance } from './portsip';

jest.setTimeout(240_000);

const rule = (o: { cidr?: string; target?: string; expire?: string; description?: string } = {}) => `
resource "portsip_ip_rule" "office" {
  cidr   = "${o.cidr ?? '198.51.100.0/24'}"
  target = "${o.target ?? 'ACCEPT'}"
  ${o.expire ? `expire_at = "${o.expire}"` : ''}
  ${o.description ? `description = "${o.description}"` : ''}
}
`;

test('lifecycle: create, update in place, import by id and cidr, drift, destroy', () =>
  withAcceptance(async ({ h, api, emu }) => {
    // An offset instant: the PBX answers in UTC, which must not show as a diff (same instant).
    h.writeConfig(rule({ expire: '2030-01-31T08:00:00+08:00', description: 'office' }));
    await h.init();
    await h.apply();
    const created = attrs(h, 'portsip_ip_rule.office');
    expect(created).toMatchObject({
      cidr: '198.51.100.0/24',
      target: 'ACCEPT',
      expire_at: '2030-01-31T08:00:00+08:00',
      description: 'office',
    });
    await expectPlan(h, 0, 'after create');

    // The same instant and network spelled differently: still no changes (semantic equality).
    h.writeConfig(rule({ cidr: '198.51.100.0/24', expire: '2030-01-31T00:00:00Z', description: 'office' }));
    await expectPlan(h, 0, 'equivalent expire_at spelling');

    // In place: target, description, expiry removed.
    h.writeConfig(rule({ target: 'DENY', description: 'blocked' }));
    const upd = await h.plan();
    expect(upd.stdout).toMatch(/will be updated in-place/);
    await h.apply();
    expect(attrs(h, 'portsip_ip_rule.office')).toMatchObject({ id: created.id, target: 'DENY', description: 'blocked', expire_at: null });
    const live = await api.ipRules.get(String(created.id));
    expect(live.target).toBe('DENY');
    expect(live.expire_at ?? null).toBeNull();
    await expectPlan(h, 0, 'after update');

    await reimport(h, 'portsip_ip_rule.office', String(created.id));
    await expectPlan(h, 0, 'after import by id');
    await reimport(h, 'portsip_ip_rule.office', '198.51.100.0/24');
    expect(attrs(h, 'portsip_ip_rule.office').id).toBe(created.id);
    await expectPlan(h, 0, 'after import by cidr');

    await api.ipRules.update(String(created.id), { description: 'changed by hand' });
    const drift = await expectPlan(h, 2, 'after out-of-band change');
    expect(drift.stdout).toMatch(/description\s+= "changed by hand" -> "blocked"/);
    const ro = await h.plan('-refresh-only');
    expect(ro.stdout).toMatch(/changed outside of Terraform/);
    expect(ro.stdout).toMatch(/description\s+= "blocked" -> "changed by hand"/);
    await h.apply();
    await expectPlan(h, 0, 'after repairing drift');

    await h.destroy();
    expect((await liveCounts(emu, api)).ipRules).toBe(0);
  }));

test('a duplicate cidr names the existing rule and the import block', () =>
  withAcceptance(async ({ h, api }) => {
    const existing = await api.ipRules.create({ cidr: '203.0.113.0/24', target: 'DENY' });
    h.writeConfig(rule({ cidr: '203.0.113.0/24' }));
    await h.init();
    const r = expectExit(await h.tf('apply', '-auto-approve', '-no-color', '-input=false'), 1, 'conflicting create');
    expect(r.stderr).toContain(`import {\n  to = portsip_ip_rule.NAME\n  id = "${existing.id}"\n}`);
    expect(r.stderr).toMatch(/cidr "203\.0\.113\.0\/24"/);
  }));
