// The basic validators: string length, enumerations, patterns, blank strings, JSON text, and numbers
// (whole numbers in a range, any number in a range). The format validators (validators-formats.ts,
// -time.ts, -network.ts, -documents.ts) are specialisations of these ideas.

import { BigNum, type Value } from '../../provider/values';
import { type Validator, forStrings, lengthNote, listAllowed, problem } from './validators-core';

export const INT32_MAX = 2147483647;

/** Length in characters (code points, as a user counts them). */
export function stringLength(min: number, max?: number): Validator {
  return forStrings((v, p, c) => {
    const n = [...v].length;
    if (n >= min && (max === undefined || n <= max)) return [];
    const rule =
      max === undefined
        ? `must be at least ${min} characters long`
        : min === 0
          ? `must be at most ${max} characters long`
          : `must be ${min} to ${max} characters long`;
    return [problem(p, v, c, rule, lengthNote(v, c))];
  });
}

export interface OneOfOptions {
  /** The API's enums are case-sensitive (C1): default true. */
  caseSensitive?: boolean;
}

export function oneOf(values: readonly string[], opts: OneOfOptions = {}): Validator {
  const caseSensitive = opts.caseSensitive ?? true;
  return forStrings((v, p, c) => {
    if (values.includes(v)) return [];
    const ci = values.find((x) => x.toLowerCase() === v.toLowerCase());
    if (!caseSensitive && ci) return [];
    const hint = ci ? ` Did you mean "${ci}"? Values are case-sensitive.` : '';
    return [problem(p, v, c, `must be one of ${listAllowed(values)}${caseSensitive ? ' (case-sensitive)' : ''}`, hint.trim() || undefined)];
  });
}

/** A regular expression the whole value must match; `allowed` explains it in words. */
export function matches(re: RegExp, allowed: string): Validator {
  return forStrings((v, p, c) => {
    return re.test(v) ? [] : [problem(p, v, c, `must be ${allowed}`)];
  });
}

/** Must not be only white space (pair with stringLength(1) for the empty string). */
export function notBlank(): Validator {
  return (v, p, c) =>
    typeof v === 'string' && v !== '' && v.trim() === '' ? [problem(p, v, c, 'must contain more than white space')] : [];
}

/** A JSON document (tenant `custom_options` is "custom configuration options serialized as json string"). */
export function jsonText(): Validator {
  return forStrings((v, p, c) => {
    if (v === '') return [];
    try {
      JSON.parse(v);
      return [];
    } catch (e) {
      return [problem(p, v, c, 'must be a JSON document (tip: use jsonencode(...))', `Problem: ${(e as Error).message}.`)];
    }
  });
}

/** A number or BigNum as a JS number (a BigNum by its decimal text), else null (also for no value). */
export function asNumber(v: Value | undefined): number | null {
  if (typeof v === 'number') return v;
  if (v instanceof BigNum) {
    const n = Number(v.text);
    return Number.isNaN(n) ? null : n;
  }
  return null;
}

/** A whole number in [min, max] (either bound optional). BigNum values are range-checked by magnitude. */
export function intRange(min?: number, max?: number): Validator {
  return (v, p, c) => {
    const n = asNumber(v);
    const range =
      min !== undefined && max !== undefined
        ? `from ${min} to ${max}`
        : min !== undefined
          ? `greater than or equal to ${min}`
          : max !== undefined
            ? `less than or equal to ${max}`
            : '';
    const rule = `must be a whole number${range ? ` ${range}` : ''}`;
    if (n === null || !Number.isFinite(n)) return [problem(p, v, c, rule)];
    const integral = v instanceof BigNum ? /^-?[0-9]+$/.test(v.text) : Number.isInteger(n);
    if (!integral || (min !== undefined && n < min) || (max !== undefined && n > max)) return [problem(p, v, c, rule)];
    return [];
  };
}

/** Any number (fractions allowed) in [min, max]; `hint` is appended when out of range. */
export function numberRange(min: number, max: number, hint?: string): Validator {
  return (v, p, c) => {
    const n = asNumber(v);
    if (n !== null && Number.isFinite(n) && n >= min && n <= max) return [];
    return [problem(p, v, c, `must be a number from ${min} to ${max}`, hint)];
  };
}
