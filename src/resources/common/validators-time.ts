// Time validators: RFC 3339 instants, times of day (HH:MM) and IANA time zone names.

import type { Value } from '../../provider/values';
import { type Validator, forStrings, problem } from './validators-core';
import { canonicalTimezone, parseRfc3339 } from './normalize-text';

/** RFC 3339 date-time, e.g. "2017-07-21T17:32:28Z" or with an offset "2017-07-21T19:32:28+02:00". */
export function rfc3339(): Validator {
  return forStrings((v, p, c) => {
    const r = parseRfc3339(v);
    return r.ok
      ? []
      : [
          problem(
            p,
            v,
            c,
            'must be an RFC 3339 date-time such as "2017-07-21T17:32:28Z" or "2017-07-21T19:32:28+02:00"',
            `Problem: ${r.reason}.`,
          ),
        ];
  });
}

const HHMM_RE = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** A time of day `HH:MM` on a 24-hour clock, 00:00 to 23:59 (tenant office hours, Op 35 [C1]). */
export function hhmm(): Validator {
  return forStrings((v, p, c) => {
    if (HHMM_RE.test(v)) return [];
    const hint = v === '24:00' ? 'Use "23:59" for the end of the day.' : /^[0-9]:[0-5][0-9]$/.test(v) ? `Did you mean "0${v}"?` : undefined;
    return [problem(p, v, c, 'must be a time "HH:MM" on a 24-hour clock, from "00:00" to "23:59"', hint)];
  });
}

/** Minutes since midnight of a valid HH:MM, else null. */
export function hhmmMinutes(v: Value): number | null {
  if (typeof v !== 'string' || !HHMM_RE.test(v)) return null;
  return Number(v.slice(0, 2)) * 60 + Number(v.slice(3));
}

const EXTRA_ZONES = new Set([
  'UTC',
  'GMT',
  'Etc/UTC',
  'Etc/GMT',
  'Etc/UCT',
  'Etc/Universal',
  'Etc/Zulu',
  'Etc/Greenwich',
  'UCT',
  'Universal',
  'Zulu',
  'Greenwich',
]);
let zoneList: Set<string> | null = null;

let zoneLower: Map<string, string> | null = null;

function zones(): { exact: Set<string>; lower: Map<string, string> } {
  if (!zoneList || !zoneLower) {
    zoneList = new Set([...Intl.supportedValuesOf('timeZone'), ...EXTRA_ZONES]);
    zoneLower = new Map([...zoneList].map((z) => [z.toLowerCase(), z]));
  }
  return { exact: zoneList, lower: zoneLower };
}

/**
 * An IANA time zone name (docs/portsip-api.md §2.9, e.g. "Asia/Shanghai"): Intl's canonical zones, UTC and the
 * Etc/* zones, plus backward-compatible links that ICU resolves (e.g. "US/Pacific", "Asia/Calcutta").
 * Letter case must match the IANA spelling: the PBX loads zone files by name [I].
 */
export function timezone(): Validator {
  return forStrings((v, p, c) => {
    const z = zones();
    if (z.exact.has(v) || /^Etc\/GMT[+-](0|[1-9]|1[0-4])$/.test(v)) return [];
    const rule = 'must be an IANA time zone name such as "Asia/Shanghai", "Europe/London" or "UTC"';
    const ci = z.lower.get(v.toLowerCase());
    if (ci) return [problem(p, v, c, rule, `Did you mean "${ci}"? Names are case-sensitive.`)];
    const canon = canonicalTimezone(v);
    // ICU accepts links case-insensitively; require the link's own spelling to look like a zone name.
    if (canon !== null && /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z0-9][A-Za-z0-9_+-]*)*$/.test(v)) return [];
    return [problem(p, v, c, rule)];
  });
}
