// Schema invariants of every resource: version 0, every attribute described, exactly one of
// Required / Optional / Optional+Computed / Computed, write-only never computed and every "_wo"
// attribute write-only, a computed id; the singletons' reset_on_destroy and Optional+Computed API
// attributes; secrets held only in write-only attributes.

import type { Block, Schema } from '../../src/provider/schema';
import { adminProfileSchema } from '../../src/resources/admin-profile/schema';
import { adminUserSchema } from '../../src/resources/admin-user/schema';
import { brandSchema } from '../../src/resources/brand/schema';
import { certificateSchema } from '../../src/resources/certificate/schema';
import { dataFlowServerSchema } from '../../src/resources/data-flow-server/schema';
import { dealerSchema } from '../../src/resources/dealer/schema';
import { dealerProfileSchema } from '../../src/resources/dealer-profile/schema';
import { imServerSchema } from '../../src/resources/im-server/schema';
import { ipRuleSchema } from '../../src/resources/ip-rule/schema';
import { networkSettingsSchema } from '../../src/resources/network-settings/schema';
import { notificationSettingsSchema } from '../../src/resources/notification-settings/schema';
import { sbcSettingsSchema } from '../../src/resources/sbc-settings/schema';
import { systemSettingsSchema } from '../../src/resources/system-settings/schema';
import { tenantSchema } from '../../src/resources/tenant/schema';
import { transportSchema } from '../../src/resources/transport/schema';
import { trunkAssignmentSchema } from '../../src/resources/trunk-assignment/schema';

/** The resources with one object per PBX (reset_on_destroy, no create). */
const SINGLETONS: Record<string, Schema> = {
  system_settings: systemSettingsSchema,
  network_settings: networkSettingsSchema,
  notification_settings: notificationSettingsSchema,
  sbc_settings: sbcSettingsSchema,
  im_server: imServerSchema,
  data_flow_server: dataFlowServerSchema,
  certificate: certificateSchema,
  brand: brandSchema,
  admin_profile: adminProfileSchema,
  dealer_profile: dealerProfileSchema,
};

const ALL: Record<string, Schema> = {
  tenant: tenantSchema,
  dealer: dealerSchema,
  transport: transportSchema,
  ip_rule: ipRuleSchema,
  admin_user: adminUserSchema,
  trunk_assignment: trunkAssignmentSchema,
  ...SINGLETONS,
};

describe('schemas', () => {
  test.each(Object.entries(ALL))('%s: version 0, described, flags consistent', (name, schema) => {
    expect(schema.version).toBe(0);
    const walk = (b: Block) => {
      for (const [n, a] of Object.entries(b.attributes)) {
        expect({ n, ok: a.description.length > 10 }).toEqual({ n, ok: true });
        const modes = [a.required, a.optional && !a.computed, a.optional && a.computed, a.computed && !a.optional].filter(Boolean);
        expect({ n, modes: modes.length }).toEqual({ n, modes: 1 });
        if (a.writeOnly) expect(a.computed).toBeFalsy();
        if (/_wo$/.test(n)) expect(a.writeOnly).toBe(true);
      }
      for (const nb of Object.values(b.blocks ?? {})) walk(nb.block);
    };
    walk(schema.block);
    expect(schema.block.attributes.id).toMatchObject({ computed: true });
    if (name in SINGLETONS) {
      expect(schema.block.attributes.reset_on_destroy).toMatchObject({ optional: true, type: 'bool' });
      expect(schema.block.attributes.reset_on_destroy!.computed).toBeFalsy();
    }
  });

  test('secrets are flagged', () => {
    // Secrets are write-only only: no stored, sensitive copy (a second sensitive path makes Terraform
    // 1.11's refresh-only plan flap, and state would hold the secret).
    expect(dealerSchema.block.attributes.password).toBeUndefined();
    expect(dealerSchema.block.attributes.password_wo).toMatchObject({ writeOnly: true });
    for (const hook of ['cdr_event', 'extension_event']) {
      const attrs = tenantSchema.block.blocks![hook]!.block.attributes;
      expect(attrs.password).toBeUndefined();
      expect(attrs.token).toBeUndefined();
      expect(attrs.password_wo).toMatchObject({ writeOnly: true });
      expect(attrs.token_wo).toMatchObject({ writeOnly: true });
      expect(attrs.credentials_wo_version).toMatchObject({ optional: true, type: 'number' });
    }
  });

  test('singleton API attributes are Optional+Computed (brand: Optional, no GET; certificate crt: Required)', () => {
    for (const [name, s] of Object.entries(SINGLETONS)) {
      if (['brand', 'certificate'].includes(name)) continue;
      for (const [n, a] of Object.entries(s.block.attributes)) {
        if (n === 'id' || n === 'reset_on_destroy' || a.writeOnly || /_version$/.test(n) || a.sensitive || (a.computed && !a.optional))
          continue;
        expect({ name, n, oc: a.optional && a.computed }).toEqual({ name, n, oc: true });
      }
    }
  });
});
