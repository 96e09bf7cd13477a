// JSON names of PortSIP 22.3 fields that no public source spells out (docs/portsip-api.md §8 Q2, Q4). They are
// INFERRED: the 22.3 reference (seed) describes each field but the scrape has no JSON names, and the
// 22.3 change summary (C2) does not list them. The provider's schema, the client and the emulator all
// take the names from here, so that correcting a guess against a live PBX is one edit; the emulator
// cannot catch a wrong guess here (it shares it), which is why each is marked inferred in
// docs/emulator.md and docs/fidelity.md.

/** Tenant "Enable AI transcription feature or not." (seed, Op 35/37; default true). INFERRED name. */
export const TENANT_AI_TRANSCRIPTION_FLAG = 'enable_feature_ai_transcription';

/** Tenant "Enable CRM integrations feature or not." (seed, Op 35/37; default true). INFERRED name. */
export const TENANT_CRM_INTEGRATIONS_FLAG = 'enable_feature_crm_integrations';

/**
 * Body key of `POST /admin/users/{id}/password` (Op 7). The seed describes its one field as "The new
 * password of admin user.", the exact description of `new_password` in Op 12 (whose 22.2 ancestor
 * `POST /admin/password` used `new_password` [C1]). INFERRED name; `password` is refused.
 */
export const ADMIN_USER_PASSWORD_KEY = 'new_password';
