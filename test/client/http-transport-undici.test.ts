// The client loads undici's Pool and request() from their own modules (src/client/http-transport.ts
// undici()), not from undici's index: an undici upgrade that moves or changes them must fail here,
// not in a user's plan.
import * as undiciIndex from 'undici';
import { undici } from '../../src/client/http-transport';

test('the modules are the Pool undici exports and the request() its index gives every dispatcher', async () => {
  const { Pool, request } = undici();
  expect(Pool).toBe(undiciIndex.Pool);
  const pool = new undiciIndex.Pool('http://127.0.0.1:9');
  try {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- compared, never called
    expect(request).toBe(pool.request);
  } finally {
    await pool.close();
  }
  expect(undici()).toBe(undici()); // loaded once
});
