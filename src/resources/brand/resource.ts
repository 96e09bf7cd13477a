// portsip_brand: the kit's singleton mode (kit/singleton.ts) with Op 44: POST /brand.
// PortSIP has no GET /brand [C1], so there is no `get`: state is what we last sent, reads return the
// prior state, changes made in the portal are not detected (the schema says so), and the adopting
// create sends every configured value (it cannot know what differs).

import { defineSingleton } from '../kit/singleton';
import { keepPriorSpelling, toCreateBody, toState, toUpdatePatch } from './model';
import { BRAND_ID, brandDefaults, brandSchema } from './schema';
import { validate } from './validate';

export const brandResource = defineSingleton({
  typeName: 'portsip_brand',
  label: 'brand',
  fixedId: BRAND_ID,
  defaults: brandDefaults,
  schema: brandSchema,
  validate,
  keepPriorSpelling,
  toState: (_live, prior) => toState(prior),
  createBody: (_live, planned) => toCreateBody(planned),
  updateBody: (prior, planned) => toUpdatePatch(prior, planned),
  post: (client, body) => client.brand.update(body),
});
