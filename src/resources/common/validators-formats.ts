// Validators of the API's named value formats (docs/portsip-api.md §2.9): size strings, email
// addresses and lists, user names, and ISO currency and country codes.

import type { Diagnostic } from '../../provider/values';
import { type Validator, forStrings, lengthNote, listAllowed, problem } from './validators-core';
import { splitEmailList } from './normalize-text';
import { ISO3166_ALPHA3 } from './regions';

const SIZE_RE = /^[1-9][0-9]*(KB|MB|GB|PB)$/;

/** docs/portsip-api.md §2.9 size strings: a positive whole number immediately followed by KB, MB, GB or PB; "" = unlimited. */
export function sizeString(): Validator {
  return forStrings((v, p, c) => {
    if (v === '' || SIZE_RE.test(v)) return [];
    const up = v.trim().toUpperCase().replace(/\s+/g, '');
    const hint = SIZE_RE.test(up) ? ` Did you mean "${up}"?` : /TB$/i.test(v) ? ' TB is not a documented unit; use e.g. "1024GB".' : '';
    return [
      problem(
        p,
        v,
        c,
        'must be a positive whole number immediately followed by KB, MB, GB or PB (upper case), e.g. "100MB" or "1000GB", or "" for unlimited',
        hint.trim() || undefined,
      ),
    ];
  });
}

const EMAIL_LOCAL_RE = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const EMAIL_LABEL_RE = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Why an address is implausible, or null when it looks like one. */
export function emailProblem(e: string): string | null {
  const at = e.lastIndexOf('@');
  if (at <= 0 || at === e.length - 1) return 'it is not of the form name@domain';
  const local = e.slice(0, at);
  const domain = e.slice(at + 1);
  if (local.length > 64) return 'the part before "@" is longer than 64 characters';
  if (!EMAIL_LOCAL_RE.test(local)) return `"${local}" is not a valid name before "@"`;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => EMAIL_LABEL_RE.test(l))) return `"${domain}" is not a valid domain`;
  if (!/^([A-Za-z]{2,63}|xn--[A-Za-z0-9-]+)$/.test(labels[labels.length - 1]!))
    return `"${domain}" does not end in a valid top-level domain`;
  return null;
}

/** One plausible email address (≤128 characters per docs/portsip-api.md §2.9 when combined with stringLength). */
export function email(): Validator {
  return forStrings((v, p, c) => {
    if (v === '') return [];
    const why = emailProblem(v);
    return why ? [problem(p, v, c, 'must be an email address such as "ops@example.com"', `Problem: ${why}.`)] : [];
  });
}

/** docs/portsip-api.md §2.9: one string of comma-separated addresses, at most `max` (15). "" means none. */
export function emailList(max = 15): Validator {
  return forStrings((v, p, c) => {
    const items = splitEmailList(v);
    const out: Diagnostic[] = [];
    const allowed = `a comma-separated list of at most ${max} email addresses, e.g. "ops@example.com,noc@example.com"`;
    if (items.length > max) out.push(problem(p, v, c, `must be ${allowed}`, `It has ${items.length} addresses.`));
    items.forEach((e, i) => {
      if (e === '') {
        out.push(problem(p, v, c, `must be ${allowed}`, `Entry ${i + 1} is empty (a stray comma?).`));
        return;
      }
      const why = emailProblem(e);
      if (why) out.push(problem(p, v, c, `must be ${allowed}`, `Entry ${i + 1} "${e}": ${why}.`));
    });
    return out;
  });
}

export const RESERVED_USERNAMES: readonly string[] = ['admin', 'system', 'administrator', 'root'];

export interface UsernameOptions {
  /** Names refused case-insensitively (docs/portsip-api.md §2.9: admin, system, administrator, root). */
  reserved?: readonly string[];
}

/**
 * docs/portsip-api.md §2.9 username rules [C1, C3]: 1-64 characters from letters, digits and _ - ' . ; not starting
 * or ending with "."; the reserved names are refused regardless of case. Every broken rule is reported.
 */
export function username(opts: UsernameOptions = {}): Validator {
  const reserved = opts.reserved ?? RESERVED_USERNAMES;
  return forStrings((v, p, c) => {
    const out: Diagnostic[] = [];
    const n = [...v].length;
    if (n < 1 || n > 64) out.push(problem(p, v, c, 'must be 1 to 64 characters long', lengthNote(v, c)));
    const bad = [...new Set([...v].filter((ch) => !/[A-Za-z0-9_'.-]/.test(ch)))];
    if (bad.length) {
      out.push(
        problem(
          p,
          v,
          c,
          "may contain only letters, digits and the characters _ - ' .",
          `Not allowed: ${bad.map((b) => JSON.stringify(b)).join(', ')}.`,
        ),
      );
    }
    if (v.startsWith('.') || v.endsWith('.')) out.push(problem(p, v, c, 'must not start or end with "."'));
    if (reserved.includes(v.toLowerCase())) {
      out.push(
        problem(
          p,
          v,
          c,
          `must not be a reserved name (${listAllowed(reserved)}, in any letter case)`,
          'These names belong to the system administrator.',
        ),
      );
    }
    return out;
  });
}

let currencyList: Set<string> | null = null;

/** An ISO 4217 alphabetic code in upper case (docs/portsip-api.md §2.9, e.g. "USD"), as known to Intl. */
export function currency(): Validator {
  return forStrings((v, p, c) => {
    currencyList ??= new Set(Intl.supportedValuesOf('currency'));
    if (currencyList.has(v)) return [];
    const hint = currencyList.has(v.toUpperCase()) ? `Did you mean "${v.toUpperCase()}"? Codes are upper case.` : undefined;
    return [problem(p, v, c, 'must be an ISO 4217 currency code in upper case, such as "USD", "EUR" or "CNY"', hint)];
  });
}

/** An ISO 3166-1 alpha-3 country code in upper case (docs/portsip-api.md §2.9, e.g. "USA", "CHN", "GBR"). */
export function region(): Validator {
  return forStrings((v, p, c) => {
    if (ISO3166_ALPHA3.has(v)) return [];
    let hint: string | undefined;
    if (ISO3166_ALPHA3.has(v.toUpperCase())) hint = `Did you mean "${v.toUpperCase()}"? Codes are upper case.`;
    else if (/^[A-Za-z]{2}$/.test(v))
      hint = 'This looks like a two-letter (alpha-2) code; the API wants three letters, e.g. "USA" rather than "US".';
    return [problem(p, v, c, 'must be an ISO 3166-1 alpha-3 country code in upper case, such as "USA", "CHN" or "GBR"', hint)];
  });
}
