// Shared helpers for the cdktf tests: a stack with the portsip provider and the validation aspect,
// synthesized with cdktf's Testing API (validations on, as app.synth() runs them).
import { Aspects, PortsipProvider, PortsipValidation, TerraformStack, Testing, type PortsipValidationOptions } from '../../src/cdktf';
import { tempDir } from '../tmp';

Testing.setupJest();

// cdktf's own typings (cdktf/lib/testing/adapters/jest.d.ts) declare `Matchers<R>`, which no
// longer merges with @types/jest 30's `Matchers<R, T>`; these are the same matchers, typed here.
type TerraformConstructor = { readonly tfResourceType: string };
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // The type parameters must be spelled as @types/jest declares them, or the interfaces do not merge.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars
    interface Matchers<R, T = {}> {
      toHaveResource(c: TerraformConstructor): R;
      toHaveResourceWithProperties(c: TerraformConstructor, properties: Record<string, unknown>): R;
      toHaveDataSource(c: TerraformConstructor): R;
      toHaveDataSourceWithProperties(c: TerraformConstructor, properties: Record<string, unknown>): R;
      toHaveProvider(c: TerraformConstructor): R;
      toHaveProviderWithProperties(c: TerraformConstructor, properties: Record<string, unknown>): R;
      toBeValidTerraform(): R;
    }
  }
}

export const STACK = 'test';

export function newStack(opts: { provider?: boolean } = {}): TerraformStack {
  // An explicit outdir: Testing.app() would make a cdktf.outdir.* folder per stack and leave it.
  const stack = new TerraformStack(Testing.app({ outdir: tempDir('cdktf-test-') }), STACK);
  if (opts.provider ?? true) new PortsipProvider(stack, 'portsip', {});
  return stack;
}

/** Testing.synth with the aspect and validations, as app.synth() would run them. */
export function synth(stack: TerraformStack, options?: PortsipValidationOptions): string {
  Aspects.of(stack).add(new PortsipValidation(options));
  return Testing.synth(stack, true);
}

/** Synth must fail; returns the message. */
export function synthError(stack: TerraformStack, options?: PortsipValidationOptions): string {
  try {
    synth(stack, options);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected synth to fail validation, but it succeeded');
}

// Stand-ins with valid PEM framing and base64 bodies; the validators check the framing, the API the contents.
export const CERT_PEM =
  '-----BEGIN CERTIFICATE-----\nMIIBkTCB+wIJAKHBfpE1bEE6MA0GCSqGSIb3DQEBCwUAMA0xCzAJBgNVBAYTAlVT\n-----END CERTIFICATE-----\n';
export const KEY_PEM =
  '-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEAu1SU1LfVLPHCozMx\n-----END PRIVATE KEY-----\n';
