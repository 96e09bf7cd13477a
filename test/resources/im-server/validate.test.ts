// Validation of the IM server: invalid configurations (path, attribute name, bad value and what is allowed
// in every diagnostic), valid configurations and unknown values.

import { imServerSchema } from '../../../src/resources/im-server/schema';
import { imServerResource } from '../../../src/resources/im-server';
import { validate as vIm } from '../../../src/resources/im-server/validate';
import type { Diagnostic, ObjectValue } from '../../../src/provider/values';
import { configOf, resourceCtx } from '../helpers';

/** Through the kit's dispatch: a singleton without documented defaults warns about reset_on_destroy there. */
function viaKit(config: ObjectValue): Diagnostic[] {
  const ds = imServerResource.validate?.(config, resourceCtx({}));
  if (!Array.isArray(ds)) throw new Error('validate is synchronous');
  return ds;
}
import { configBuilder, everyUnknown, type InvalidCase, testInvalidCases } from '../invalid-cases';

const im = configBuilder(imServerSchema, {});

const cases: InvalidCase[] = [
  {
    name: 'IM public IPv4 too short',
    run: () => vIm(im({ public_ipv4: '1.2.3' })),
    expect: [{ path: ['public_ipv4'], contains: ['"public_ipv4"', '"1.2.3"', 'IPv4 address', 'four dot-separated numbers'] }],
  },
  {
    name: 'IM reset_on_destroy has nothing to reset (warning)',
    run: () => viaKit(im({ reset_on_destroy: true })),
    expect: [{ path: ['reset_on_destroy'], severity: 'warning', contains: ['"reset_on_destroy"', 'no setting', 'documented default'] }],
  },
];

testInvalidCases(cases);

describe('valid configurations produce no errors', () => {
  test('an empty config is valid, and so is a typical one', () => {
    expect(vIm(configOf(imServerSchema, {}))).toEqual([]);
    expect(vIm(im({ private_ipv4: '10.0.0.7', public_ipv6: '2001:db8::7' }))).toEqual([]);
  });
});

describe('unknown values are skipped', () => {
  test('im with every argument unknown', () => {
    expect(vIm(everyUnknown(imServerSchema))).toEqual([]);
  });
});
