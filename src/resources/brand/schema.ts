// portsip_brand: schema (docs/portsip-api.md Op 44 [C1]). POST /brand only: there is NO GET [C1, §8 q16], so
// the state is what we last sent and drift cannot be detected. Every attribute is plain Optional:
// unset = not managed (never sent; removing an attribute from config leaves the PBX value as is; to
// blank a text, set it to ""). Computed would be meaningless without a read.

import type { Schema } from '../../provider/schema';
import type { Value } from '../../provider/values';
import { optional, resetOnDestroy, singletonId } from '../common/schema-helpers';

export const BRAND_ID = 'brand';

export const BRAND_THEMES = ['BLUE', 'DARK', 'GREEN', 'LIGHT_BLUE', 'PURPLE'] as const;

/** No field of Op 44 has a documented default: `reset_on_destroy` has nothing to restore. */
export const brandDefaults: Readonly<Record<string, Value>> = Object.freeze({});

const NOTE = 'Unset: not managed. The API cannot read branding back, so changes made in the web portal are not detected.';

export const brandSchema: Schema = {
  version: 0,
  block: {
    description:
      "The PBX's branding (`/api/brand`): theme, logo, texts of the login page. A singleton that can only be written: the API has no read, so Terraform keeps what it last sent and cannot detect changes made elsewhere. Destroying it only forgets it. Import id: `brand` (imports nothing; apply then sends the configured values).",
    attributes: {
      id: singletonId(BRAND_ID),
      reset_on_destroy: resetOnDestroy('no branding field has a documented default, so nothing is changed'),
      theme: optional(
        'string',
        `Portal colour theme: \`BLUE\`, \`DARK\`, \`GREEN\`, \`LIGHT_BLUE\` or \`PURPLE\`. Case-sensitive. ${NOTE}`,
      ),
      logo: optional('string', `The logo: a file id from the PBX file library (not a URL). ${NOTE}`),
      favicon: optional('string', `The favicon: a file id from the PBX file library (not a URL). ${NOTE}`),
      title: optional('string', `The browser title of the portal. ${NOTE}`),
      copyright: optional('string', `The copyright text. ${NOTE}`),
      product: optional('string', `The product name shown in the portal. ${NOTE}`),
      website: optional('string', `The website link shown in the portal. ${NOTE}`),
      forum: optional('string', `The forum link shown in the portal. ${NOTE}`),
      bottom_text: optional('string', `Plain text or HTML at the foot of the login page, at most 256 characters. ${NOTE}`),
    },
  },
};
