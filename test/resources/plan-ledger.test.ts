// The plan-time checks across resources without terraform: the validate walk's census files
// (plan-census.ts) and what one plan process concludes from them and from its own calls
// (plan-ledger.ts). test/acceptance/plan-checks.test.ts runs the same with real terraform.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PortsipClient } from '../../src/client';
import { dealerTenantLinks } from '../../src/resources/dealer/tenants';
import type { ObjectValue } from '../../src/provider/values';
import { PlanCensus, terraformIdentity } from '../../src/resources/common/plan-census';
import { PlanLedger, recordSingleton, recordUniqueKey } from '../../src/resources/common/plan-ledger';
import { metaOf } from '../../src/resources';

/** The unique key a resource type declares. */
const uk = (type: string) => metaOf(type)?.unique;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'census-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A validate process (pid) of the command `id` recording these tenant domains. */
function validateWalk(id: string, pid: number, domains: string[]): void {
  const c = new PlanCensus(dir, id, pid);
  for (const d of domains) recordUniqueKey(c, uk('portsip_tenant'), { domain: d });
}

const tenant = (domain: string, id?: string): ObjectValue => ({ domain, ...(id ? { id } : {}) });
const errors = (d: { severity: string; summary: string }[]) => d.filter((x) => x.severity === 'error').map((x) => x.summary);

describe('census', () => {
  test('counts the keys one validate process saw, canonically (case, trailing dot)', () => {
    validateWalk('100-1', 11, ['Acme.example.com', 'acme.example.com.', 'other.example.com']);
    const c = new PlanCensus(dir, '100-1', 12);
    expect(c.count('tenant domain', 'acme.example.com')).toBe(2);
    expect(c.count('tenant domain', 'other.example.com')).toBe(1);
    expect(c.count('tenant domain', 'none.example.com')).toBe(0);
  });

  test('a key seen by two validate processes (two provider aliases) is not known as a duplicate', () => {
    validateWalk('100-1', 11, ['acme.example.com', 'acme.example.com']);
    validateWalk('100-1', 13, ['acme.example.com']);
    expect(new PlanCensus(dir, '100-1', 12).count('tenant domain', 'acme.example.com')).toBe(0);
  });

  test('keys(): every key of a namespace, from every validate process of the command, canonical', () => {
    validateWalk('100-1', 11, ['Acme.example.com', 'b.example.com']);
    validateWalk('100-1', 13, ['b.example.com', 'c.example.com.']);
    fs.mkdirSync(path.join(dir, '200-5'));
    fs.writeFileSync(path.join(dir, '200-5', '14.jsonl'), '{"ns":"tenant domain","key":"other-command.example.com"}\n');
    const c = new PlanCensus(dir, '100-1', 12);
    expect([...c.keys('tenant domain')].sort()).toEqual(['acme.example.com', 'b.example.com', 'c.example.com']);
    expect(c.keys('account name').size).toBe(0);
    expect(new PlanCensus(undefined, '100-1', 12).keys('tenant domain').size).toBe(0);
  });

  test('another command (other terraform process) has its own census; a torn last line is ignored', () => {
    validateWalk('100-1', 11, ['acme.example.com', 'acme.example.com']);
    expect(new PlanCensus(dir, '200-5', 12).count('tenant domain', 'acme.example.com')).toBe(0);
    fs.appendFileSync(path.join(dir, '100-1', '11.jsonl'), '{"ns":"tenant domain","key":"acme.exa');
    expect(new PlanCensus(dir, '100-1', 12).count('tenant domain', 'acme.example.com')).toBe(2);
  });

  test('a validate walk removes the census of commands whose terraform has ended', () => {
    // pid 2^22+1 is above Linux's pid_max: never a live process.
    fs.mkdirSync(path.join(dir, `${2 ** 22 + 1}-7`), { recursive: true });
    fs.writeFileSync(path.join(dir, `${2 ** 22 + 1}-7`, '1.jsonl'), '');
    fs.mkdirSync(path.join(dir, `${process.pid}-9`), { recursive: true });
    validateWalk('100-1', 11, ['a.example.com']);
    expect(fs.readdirSync(dir).sort()).toEqual([`${process.pid}-9`, '100-1'].sort());
  });

  test('disabled (not started by terraform): records nothing, counts nothing', () => {
    const c = new PlanCensus(undefined, 'x', 1);
    recordUniqueKey(c, uk('portsip_tenant'), { domain: 'a.example.com' });
    recordUniqueKey(c, uk('portsip_tenant'), { domain: 'a.example.com' });
    expect(c.count('tenant domain', 'a.example.com')).toBe(0);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('the terraform identity is the parent pid with its start time where /proc has it', () => {
    const id = terraformIdentity();
    expect(id.startsWith(`${process.ppid}`)).toBe(true);
    if (fs.existsSync(`/proc/${process.ppid}/stat`)) expect(id).toMatch(/^\d+-\d+$/);
  });
});

describe('duplicate keys in one plan', () => {
  test('every object the validate walk counted twice fails, each naming the key and the rule', () => {
    validateWalk('1-1', 2, ['acme.example.com', 'ACME.example.com']);
    const ledger = new PlanLedger(new PlanCensus(dir, '1-1', 3));
    const a = ledger.planned('portsip_tenant', uk('portsip_tenant'), null, tenant('acme.example.com'), false);
    const b = ledger.planned('portsip_tenant', uk('portsip_tenant'), null, tenant('ACME.example.com'), false);
    for (const d of [a, b]) {
      expect(errors(d)).toEqual(['Duplicate tenant domain: 2 resources have domain "' + (d === a ? 'acme' : 'ACME') + '.example.com"']);
      expect(d[0]!.detail).toContain('PortSIP keeps tenant domains unique, regardless of case.');
    }
  });

  test('without a census the second object planned fails; different keys and unknown keys pass', () => {
    const ledger = new PlanLedger(new PlanCensus(undefined, '', 1));
    expect(ledger.planned('portsip_tenant', uk('portsip_tenant'), null, tenant('a.example.com'), false)).toEqual([]);
    expect(ledger.planned('portsip_tenant', uk('portsip_tenant'), null, tenant('b.example.com'), false)).toEqual([]);
    expect(
      ledger.planned(
        'portsip_tenant',
        uk('portsip_tenant'),
        null,
        { domain: Symbol.for('terraform-provider-portsip.unknown') } as never,
        false,
      ),
    ).toEqual([]);
    expect(errors(ledger.planned('portsip_tenant', uk('portsip_tenant'), null, tenant('A.example.com.'), false))).toEqual([
      'Duplicate tenant domain: another resource in this plan also has domain "A.example.com."',
    ]);
  });

  test("a replacement's own create (after requires_replace) is not a duplicate; another create is", () => {
    const ledger = new PlanLedger(new PlanCensus(undefined, '', 1));
    const prior: ObjectValue = { id: 'd1', name: 'ops' };
    expect(ledger.planned('portsip_dealer', uk('portsip_dealer'), prior, { name: 'ops' }, true)).toEqual([]);
    expect(ledger.planned('portsip_dealer', uk('portsip_dealer'), null, { name: 'ops' }, false)).toEqual([]);
    expect(errors(ledger.planned('portsip_dealer', uk('portsip_dealer'), null, { name: 'ops' }, false))).toHaveLength(1);
  });

  test('dealer and admin user names share one namespace regardless of case; transports collide per L4 protocol; UDP port 0 never', () => {
    const ledger = new PlanLedger(new PlanCensus(undefined, '', 1));
    expect(ledger.planned('portsip_dealer', uk('portsip_dealer'), null, { name: 'Ops' }, false)).toEqual([]);
    expect(errors(ledger.planned('portsip_admin_user', uk('portsip_admin_user'), null, { name: 'ops' }, false))).toEqual([
      'Duplicate account name: another resource in this plan also has name "ops"',
    ]);
    expect(ledger.planned('portsip_transport', uk('portsip_transport'), null, { protocol: 'TCP', port: 5070 }, false)).toEqual([]);
    expect(ledger.planned('portsip_transport', uk('portsip_transport'), null, { protocol: 'UDP', port: 5070 }, false)).toEqual([]);
    expect(errors(ledger.planned('portsip_transport', uk('portsip_transport'), null, { protocol: 'WSS', port: 5070 }, false))).toHaveLength(
      1,
    );
    expect(ledger.planned('portsip_transport', uk('portsip_transport'), null, { protocol: 'UDP', port: 0 }, false)).toEqual([]);
    expect(ledger.planned('portsip_transport', uk('portsip_transport'), null, { protocol: 'UDP', port: 0 }, false)).toEqual([]);
    // IP rules: PortSIP's documents do not make CIDRs unique.
    expect(ledger.planned('portsip_ip_rule', uk('portsip_ip_rule'), null, { cidr: '10.0.0.0/8' }, false)).toEqual([]);
    expect(ledger.planned('portsip_ip_rule', uk('portsip_ip_rule'), null, { cidr: '10.0.0.0/8' }, false)).toEqual([]);
  });

  test('singletons: declared twice for one provider configuration, or planned twice in one process', () => {
    const c = new PlanCensus(dir, '1-1', 2);
    recordSingleton(c, 'portsip_system_settings', 'system');
    recordSingleton(c, 'portsip_system_settings', 'system');
    recordSingleton(c, 'portsip_sbc_settings', 'sbc');
    const ledger = new PlanLedger(new PlanCensus(dir, '1-1', 3));
    expect(ledger.singletonCount('portsip_system_settings', 'system')).toBe(2);
    expect(ledger.singletonCount('portsip_sbc_settings', 'sbc')).toBe(0);
    expect(ledger.singletonCount('portsip_sbc_settings', 'sbc')).toBe(2);
  });
});

describe('a dealer deleted or replaced while it has tenants', () => {
  // dealer d1 has tenants t1 (a.example.com) and t2 (b.example.com); d2 has t3.
  function fakeClient(): { client: PortsipClient; requests: string[] } {
    const requests: string[] = [];
    const tenants = [
      { id: 't1', domain: 'a.example.com' },
      { id: 't2', domain: 'b.example.com' },
      { id: 't3', domain: 'c.example.com' },
    ];
    const links: Record<string, string> = { t1: 'd1', t2: 'd1', t3: 'd2' };
    const client = {
      tenants: {
        listAll: async () => {
          requests.push('GET /tenants');
          return tenants;
        },
        getDealers: async (id: string) => {
          requests.push(`GET /tenants/${id}/dealers`);
          return { items: links[id] ? [{ id: links[id] }] : [] };
        },
      },
    } as unknown as PortsipClient;
    return { client, requests };
  }
  const signal = new AbortController().signal;
  const d1: ObjectValue = { id: 'd1', name: 'dealer-one' };

  test('names the tenants the plan does not destroy, and what forced the replacement; the links are read once', async () => {
    const { client, requests } = fakeClient();
    const ledger = new PlanLedger(new PlanCensus(undefined, '', 1), 10);
    const d = await ledger.dealerRemoval(d1, 'replace', () => dealerTenantLinks(client), signal, ['level']);
    expect(errors(d)).toEqual(['Dealer "dealer-one" cannot be replaced: it still has 2 tenants']);
    expect(d[0]!.detail).toContain('a.example.com (id "t1"), b.example.com (id "t2")');
    expect(d[0]!.detail).toContain('(`level` changed)');
    expect(await ledger.dealerRemoval({ id: 'd2', name: 'dealer-two' }, 'delete', () => dealerTenantLinks(client), signal)).toHaveLength(1);
    expect(await ledger.dealerRemoval({ id: 'd3', name: 'empty' }, 'delete', () => dealerTenantLinks(client), signal)).toEqual([]);
    expect(requests.sort()).toEqual(['GET /tenants', 'GET /tenants/t1/dealers', 'GET /tenants/t2/dealers', 'GET /tenants/t3/dealers']);
  });

  test('a PBX with more tenants than are read one by one: a warning that they were not checked, no error', async () => {
    const { client, requests } = fakeClient();
    const ledger = new PlanLedger(new PlanCensus(undefined, '', 1), 10);
    const d = await ledger.dealerRemoval(d1, 'delete', () => dealerTenantLinks(client, 2), signal);
    expect(d.map((x) => [x.severity, x.summary])).toEqual([['warning', 'Tenants of dealer "dealer-one" not checked']]);
    expect(requests).toEqual(['GET /tenants']);
  });

  test('tenants destroyed or replaced in the plan, before or while the check waits, let it pass; a move does not', async () => {
    const { client } = fakeClient();
    const ledger = new PlanLedger(new PlanCensus(undefined, '', 1), 60_000);
    ledger.destroying('portsip_tenant', { id: 't1' });
    // t2 is planned later (replaced): the wait ends then, long before 60 s (jest's 5 s timeout would fail it).
    const pending = ledger.dealerRemoval(d1, 'delete', () => dealerTenantLinks(client), signal);
    setTimeout(
      () => ledger.planned('portsip_tenant', uk('portsip_tenant'), { id: 't2', domain: 'b.example.com' }, tenant('b2.example.com'), true),
      20,
    );
    expect(await pending).toEqual([]);

    const other = new PlanLedger(new PlanCensus(undefined, '', 1), 10);
    other.planned(
      'portsip_tenant',
      uk('portsip_tenant'),
      { id: 't1', domain: 'a.example.com', dealer_id: 'd1' },
      { domain: 'a.example.com', dealer_id: 'd2' },
      false,
    );
    const d = await other.dealerRemoval(d1, 'delete', () => dealerTenantLinks(client), signal);
    expect(errors(d)).toEqual(['Dealer "dealer-one" cannot be deleted: it still has 2 tenants']);
  });
});
