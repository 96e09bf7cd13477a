// Import ids: the API id or a natural key (docs/design.md "Resource behaviour"). API ids are opaque strings (docs/portsip-api.md §2.5
// [C5]) that in practice are standard base64 of a long decimal number ("NzAwNTUxOTA5NzczMTQ4MTYw" =
// base64("700551909773148160") [I]). A natural key can collide with that shape in theory (a dealer
// named like an id), so "id=<id>" and "<attribute>=<key>" prefixes force one reading.

/** True when s decodes (standard base64, padding optional) to 10-20 decimal digits. */
export function looksLikeApiId(s: string): boolean {
  if (s.length < 12 || !/^[A-Za-z0-9+/]+={0,2}$/.test(s)) return false;
  const decoded = Buffer.from(s, 'base64').toString('latin1');
  if (!/^[0-9]{10,20}$/.test(decoded)) return false;
  return Buffer.from(decoded, 'latin1').toString('base64').replace(/=+$/, '') === s.replace(/=+$/, '');
}
