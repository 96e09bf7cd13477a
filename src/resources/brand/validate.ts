// portsip_brand: static validation (docs/portsip-api.md Op 44 [C1]).

import type { Diagnostic, ObjectValue } from '../../provider/values';
import { checkObject, inferred, matches, oneOf, stringLength, type Validator } from '../common/validators';
import { BRAND_THEMES } from './schema';

// File-library ids are opaque strings like other API ids (§2.5); a URL is the usual mistake.
const FILE_ID = matches(
  /^[A-Za-z0-9+/=_-]+$/,
  'a file id from the PBX file library, e.g. "NzAwNTUxOTA5NzczMTQ4MTYw" (not a URL or a file name)',
);

const rules: Record<string, Validator | Validator[]> = {
  theme: oneOf(BRAND_THEMES),
  // Ids are opaque strings (C5): the id shape is a plausibility check (inferred), a warning only.
  logo: inferred(FILE_ID),
  favicon: inferred(FILE_ID),
  // The limit is in the description only, not in the schema [C1].
  bottom_text: stringLength(0, 256),
};

export function validate(config: ObjectValue): Diagnostic[] {
  return checkObject(config, [], rules);
}
