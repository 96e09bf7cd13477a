// API <-> state mapping of the certificate: exact key sets, write-only never in state, prior spelling kept,
// minimal patches, singleton adopt/reset and documented defaults.

import { UNKNOWN } from '../../../src/provider/values';
import * as cert from '../../../src/resources/certificate/model';
import { certificateSchema } from '../../../src/resources/certificate/schema';
import { configOf } from '../helpers';
import { expectExactKeys, writeOnlyNull } from '../model-checks';
import { CERT_PEM, CHAIN_PEM, KEY_PEM, OTHER_CERT_PEM, RSA_KEY_PEM, rewrapped } from '../fixtures';

describe('certificate', () => {
  test('read: crt spelling kept when only wrapping differs; the live key is never read', () => {
    const api = { crt: CHAIN_PEM, key: KEY_PEM };
    const imported = cert.toState(api, null);
    expectExactKeys(certificateSchema.block, imported);
    writeOnlyNull(certificateSchema, imported);
    expect(imported).toMatchObject({ id: 'certificate', crt: CHAIN_PEM });
    expect(imported).not.toHaveProperty('key');
    expect(JSON.stringify(imported)).not.toContain(KEY_PEM.split('\n')[1]);
    const prior = { ...imported, crt: rewrapped(CHAIN_PEM), key_wo_version: 1 };
    expect(cert.toState(api, prior).crt).toBe(rewrapped(CHAIN_PEM));
    expect(cert.toState({ ...api, crt: OTHER_CERT_PEM }, prior).crt).toBe(OTHER_CERT_PEM);
    // A different key on the PBX is not visible (write-only): same state.
    expect(cert.toState({ ...api, key: RSA_KEY_PEM }, prior)).toEqual(cert.toState(api, prior));
  });

  test('create is skipped when the PBX already has the same certificate (and key, when one is given)', () => {
    const planned = configOf(certificateSchema, { id: 'certificate', crt: rewrapped(CHAIN_PEM), key_wo_version: 1 });
    expect(cert.toCreateBody({ crt: CHAIN_PEM, key: KEY_PEM }, planned, { key_wo: KEY_PEM })).toBeNull();
    expect(cert.toCreateBody({ crt: CERT_PEM, key: KEY_PEM }, planned, { key_wo: KEY_PEM })).toEqual({
      crt: rewrapped(CHAIN_PEM),
      key: KEY_PEM,
    });
    // Same certificate, other key configured: uploaded.
    expect(cert.toCreateBody({ crt: CHAIN_PEM, key: KEY_PEM }, planned, { key_wo: RSA_KEY_PEM })).toEqual({
      crt: rewrapped(CHAIN_PEM),
      key: RSA_KEY_PEM,
    });
    // No key_wo: adopting the certificate the PBX already has does nothing ...
    expect(cert.toCreateBody({ crt: CHAIN_PEM, key: KEY_PEM }, planned, {})).toBeNull();
    // ... but uploading a different certificate needs the key, and says which attribute to set.
    expect(() => cert.toCreateBody({ crt: CERT_PEM, key: KEY_PEM }, planned, {})).toThrow(/Attribute "key_wo" is required to upload/);
    expect(() => cert.toCreateBody(null, planned, {})).toThrow(/"key_wo" is required/);
    // No certificate planned (unknown): nothing to decide yet.
    expect(cert.toCreateBody(null, { ...planned, crt: UNKNOWN }, {})).toBeNull();
  });

  test('update sends crt AND key whenever either changes', () => {
    const prior = configOf(certificateSchema, { id: 'certificate', crt: CHAIN_PEM, key_wo_version: 1 });
    expect(cert.toUpdateBody(prior, { ...prior, crt: rewrapped(CHAIN_PEM) }, { key_wo: KEY_PEM })).toBeNull();
    expect(cert.toUpdateBody(prior, { ...prior, crt: OTHER_CERT_PEM }, { key_wo: KEY_PEM })).toEqual({ crt: OTHER_CERT_PEM, key: KEY_PEM });
    expect(cert.toUpdateBody(prior, { ...prior, key_wo_version: 2 }, { key_wo: RSA_KEY_PEM })).toEqual({
      crt: CHAIN_PEM,
      key: RSA_KEY_PEM,
    });
    // Nothing to upload: no key needed.
    expect(cert.toUpdateBody(prior, { ...prior }, {})).toBeNull();
    // An upload without key_wo is an error naming the attribute; the key is never guessed.
    expect(() => cert.toUpdateBody(prior, { ...prior, crt: OTHER_CERT_PEM }, {})).toThrow(/Attribute "key_wo" is required/);
    expect(() => cert.toUpdateBody(prior, { ...prior, key_wo_version: 2 }, null)).toThrow(/Attribute "key_wo" is required/);
    expect(cert.certificateDefaults).toEqual({});
    expect(cert.toResetPatch()).toBeNull();
  });
});
