// data.portsip_ip_rules: `target` enum; `filter` must not be blank and must have balanced quotes and
// parentheses (a light check: the PBX parses the OData expression).

import type { Diagnostic, ObjectValue } from '../../provider/values';
import { checkObject, notBlank, oneOf, problem, type Validator } from '../../resources/common/validators';
import { IP_RULE_TARGETS } from './schema';

export function odataShape(): Validator {
  return (v, p, c) => {
    if (typeof v !== 'string') return [];
    const quotes = (v.match(/'/g) ?? []).length;
    if (quotes % 2 === 1)
      return [
        problem(
          p,
          v,
          c,
          'must be an OData filter expression with balanced single quotes',
          "Problem: a string literal is not closed (escape a quote inside a string as '').",
        ),
      ];
    let depth = 0;
    let inStr = false;
    for (const ch of v) {
      if (ch === "'") inStr = !inStr;
      else if (!inStr && ch === '(') depth++;
      else if (!inStr && ch === ')' && --depth < 0) break;
    }
    return depth === 0 ? [] : [problem(p, v, c, 'must be an OData filter expression with balanced parentheses')];
  };
}

export function validate(config: ObjectValue): Diagnostic[] {
  return checkObject(config, [], { filter: [notBlank(), odataShape()], target: oneOf(IP_RULE_TARGETS) });
}
