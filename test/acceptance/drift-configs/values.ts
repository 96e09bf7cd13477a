// The values the exact-drift configurations share with the tests that use them: the seeded trunk, the
// secrets (sent only through variables) and the two certificates.

import { createSelfSignedCert } from '../../../src/provider/cert';

/** The seeded trunk the emulator always has (GET /api/providers). */
export const TRUNK_ID = 'NzAwNTUxOTA5NzczMTQ4MjAw';

export const SECRETS = {
  dealer: 'Dealer-S3cret-drift',
  user: 'User-S3cret-drift',
  mail: 'Mail-S3cret-drift',
  hookPassword: 'hookpassw0rd',
  hookToken: 'hook-bearer-token-drift',
  dealerLogin: 'DealerLogin-S3cret',
};

export const TLS = createSelfSignedCert('pbx.drift.example.com');
export const STIR = createSelfSignedCert('stir.drift.example.com');
