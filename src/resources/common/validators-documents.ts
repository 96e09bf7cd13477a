// Validators of multi-part documents: PEM certificates and private keys, and DID pools. Both parse
// with normalize-documents.ts and report the part that is wrong.

import type { Diagnostic } from '../../provider/values';
import { type Validator, forStrings, problem } from './validators-core';
import { parseDidPool, parsePem } from './normalize-documents';

export interface PemOptions {
  /** What the document must hold: a certificate chain or one private key. */
  kind: 'certificate' | 'private_key';
}

const PRIVATE_KEY_LABELS = ['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'ENCRYPTED PRIVATE KEY'];

/**
 * PEM armour checks (Op 43 "[I] the emulator may check for PEM armour"): BEGIN/END lines that match,
 * base64 bodies, and the right kind of block (a certificate where a certificate belongs, exactly one
 * private key where a key belongs). Encrypted keys are refused: the API has no passphrase field.
 * Values of sensitive attributes are never quoted.
 */
export function pem(opts: PemOptions): Validator {
  const rule =
    opts.kind === 'certificate'
      ? 'must be a PEM-encoded X.509 certificate ("-----BEGIN CERTIFICATE-----" ... "-----END CERTIFICATE-----"), optionally followed by its chain (tip: file("cert.pem"))'
      : 'must be one PEM-encoded, unencrypted private key ("-----BEGIN PRIVATE KEY-----", "RSA PRIVATE KEY" or "EC PRIVATE KEY") (tip: file("key.pem"))';
  return forStrings((v, p, c) => {
    if (v === '') return [];
    const r = parsePem(v);
    if (!r.ok) return [problem(p, v, c, rule, `Problem: ${r.reason}.`)];
    const labels = r.blocks.map((b) => b.label);
    if (opts.kind === 'certificate') {
      const other = labels.filter((l) => l !== 'CERTIFICATE');
      if (other.some((l) => PRIVATE_KEY_LABELS.includes(l)))
        return [
          problem(p, v, c, rule, 'Problem: it contains a private key; the key belongs in the key attribute, not with the certificate.'),
        ];
      if (other.length)
        return [problem(p, v, c, rule, `Problem: it contains ${[...new Set(other)].map((l) => `a "${l}" block`).join(', ')}.`)];
      return [];
    }
    if (labels.length !== 1)
      return [problem(p, v, c, rule, `Problem: it has ${labels.length} PEM blocks (${labels.join(', ')}); give the private key only.`)];
    const [label] = labels as [string];
    const block = r.blocks[0]!;
    if (label === 'CERTIFICATE')
      return [problem(p, v, c, rule, 'Problem: this is a certificate, not a private key (are the certificate and key swapped?).')];
    if (label === 'ENCRYPTED PRIVATE KEY' || block.headers.some((h) => /ENCRYPTED/i.test(h))) {
      return [
        problem(
          p,
          v,
          c,
          rule,
          'Problem: the key is encrypted with a passphrase, and the API has no passphrase field; decrypt it first (e.g. openssl pkey -in key.pem -out plain.pem).',
        ),
      ];
    }
    if (!PRIVATE_KEY_LABELS.includes(label)) return [problem(p, v, c, rule, `Problem: it is a "${label}" block.`)];
    return [];
  });
}

/**
 * A DID pool (Op 50 [C1]): single numbers and ranges `start-end` separated by ";", e.g.
 * "3000;12000-18000". Every range must have start ≤ end, and entries must not overlap within the pool
 * (overlap with OTHER tenants' pools is the server's check). White space is tolerated.
 */
export function didPool(): Validator {
  const rule = 'must be DID numbers and ranges "start-end" separated by ";", e.g. "3000;12000-18000"';
  return forStrings((v, p, c) => {
    const r = parseDidPool(v);
    if (!r.ok) return [problem(p, v, c, rule, `Problem: ${r.reason}.`)];
    const out: Diagnostic[] = [];
    r.intervals.forEach((iv, i) => {
      if (iv.start > iv.end)
        out.push(
          problem(
            p,
            v,
            c,
            `${rule}, with start ≤ end in every range`,
            `Entry ${i + 1} "${iv.text}" starts after it ends; did you mean "${iv.end}-${iv.start}"?`,
          ),
        );
    });
    const valid = r.intervals.map((iv, i) => ({ ...iv, i })).filter((iv) => iv.start <= iv.end);
    for (let a = 0; a < valid.length; a++) {
      for (let b = a + 1; b < valid.length; b++) {
        const x = valid[a]!;
        const y = valid[b]!;
        if (x.start <= y.end && y.start <= x.end) {
          out.push(
            problem(p, v, c, `${rule}, without overlapping entries`, `Entries ${x.i + 1} "${x.text}" and ${y.i + 1} "${y.text}" overlap.`),
          );
        }
      }
    }
    return out;
  });
}
