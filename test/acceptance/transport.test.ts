// portsip_transport end to end: real terraform -> dist/provider.js -> the emulator.
import { attrs, expectExit, expectPlan, liveCounts, reimport, withAcceptance } from './portsip';

jest.setTimeout(240_000);

const transport = (protocol: string, port: number, extra = '') => `
resource "portsip_transport" "sip" {
  protocol = "${protocol}"
  port     = ${port}
  ${extra}
}
`;

test('lifecycle: create, update in place, replace, import by id and PROTOCOL:port, drift, destroy', () =>
  withAcceptance(async ({ h, api, emu }) => {
    h.writeConfig(transport('TCP', 5070));
    await h.init();
    await h.apply();
    const created = attrs(h, 'portsip_transport.sip');
    expect(created).toMatchObject({ protocol: 'TCP', port: 5070 });
    await expectPlan(h, 0, 'after create');

    // In place: port is updatable (Op 31).
    h.writeConfig(transport('TCP', 5071));
    const upd = await h.plan();
    expect(upd.stdout).toMatch(/will be updated in-place/);
    await h.apply();
    expect(attrs(h, 'portsip_transport.sip')).toMatchObject({ id: created.id, port: 5071 });
    expect((await api.transports.get(String(created.id))).port).toBe(5071);
    await expectPlan(h, 0, 'after update');

    // protocol cannot be updated: replacement.
    h.writeConfig(transport('TLS', 5071, 'verification = "OPTIONAL"'));
    const rep = await h.plan();
    expect(rep.stdout).toMatch(/protocol\s+= "TCP" -> "TLS" # forces replacement/);
    await h.apply();
    const replaced = attrs(h, 'portsip_transport.sip');
    expect(replaced.id).not.toBe(created.id);
    expect(replaced).toMatchObject({ protocol: 'TLS', port: 5071, verification: 'OPTIONAL' });
    await expect(api.transports.get(String(created.id))).rejects.toThrow(/404|not found/i);
    await expectPlan(h, 0, 'after replace');

    // Import by API id, then by natural key (case-insensitive protocol).
    await reimport(h, 'portsip_transport.sip', String(replaced.id));
    expect(attrs(h, 'portsip_transport.sip').id).toBe(replaced.id);
    await expectPlan(h, 0, 'after import by id');
    await reimport(h, 'portsip_transport.sip', 'tls:5071');
    expect(attrs(h, 'portsip_transport.sip').id).toBe(replaced.id);
    await expectPlan(h, 0, 'after import by PROTOCOL:port');

    // Out-of-band change of a configured attribute.
    await api.transports.update(String(replaced.id), { verification: 'MANDATORY' });
    const drift = await expectPlan(h, 2, 'after out-of-band change');
    expect(drift.stdout).toMatch(/verification\s+= "MANDATORY" -> "OPTIONAL"/);
    const ro = await h.plan('-refresh-only');
    expect(ro.stdout).toMatch(/changed outside of Terraform/);
    expect(ro.stdout).toMatch(/verification\s+= "OPTIONAL" -> "MANDATORY"/);
    await h.apply();
    await expectPlan(h, 0, 'after repairing drift');

    // Deleted out of band: plan wants to create it again.
    await api.transports.delete(String(replaced.id));
    const gone = await expectPlan(h, 2, 'after out-of-band delete');
    expect(gone.stdout).toMatch(/will be created/);
    await h.apply();
    await expectPlan(h, 0, 'after re-create');

    await h.destroy();
    expect((await liveCounts(emu, api)).transports).toBe(0);
    expect(h.addresses()).toEqual([]);
  }));

test('a create that collides with an existing transport names it and the import block', () =>
  withAcceptance(async ({ h, api }) => {
    const existing = await api.transports.create({ protocol: 'TCP', port: 5090 });
    h.writeConfig(transport('TCP', 5090));
    await h.init();
    const r = expectExit(await h.tf('apply', '-auto-approve', '-no-color', '-input=false'), 1, 'conflicting create');
    expect(r.stderr).toContain(existing.id);
    expect(r.stderr).toContain(`import {\n  to = portsip_transport.NAME\n  id = "${existing.id}"\n}`);
    // Adopting it as told works and leaves nothing to do.
    h.writeFile('import.tf', `import {\n  to = portsip_transport.sip\n  id = "${existing.id}"\n}\n`);
    await h.apply();
    h.removeFile('import.tf');
    await expectPlan(h, 0, 'after adopting');
    await h.destroy();
  }));
