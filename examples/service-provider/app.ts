// Builds the cdktf App (one stack) with synth-time validation. main.ts synthesizes it; the tests and
// `npm start` (src/cli/demo.ts) call buildApp() directly and then app.synth().
import { App, validatePortsip } from '../../src/cdktf';
import { ServiceProviderStack, type ServiceProviderProps } from './stack';

export const STACK_NAME = 'service-provider';

export interface BuildOptions extends ServiceProviderProps {
  /** Where app.synth() writes; default CDKTF_OUTDIR or ./cdktf.out (cdktf's own default). */
  readonly outdir?: string;
}

export function buildApp(opts: BuildOptions = {}): { app: App; stack: ServiceProviderStack } {
  const app = new App(opts.outdir ? { outdir: opts.outdir } : {});
  const bucket = process.env.TF_STATE_BUCKET;
  const s3State =
    opts.s3State ??
    (bucket ? { bucket, key: process.env.TF_STATE_KEY ?? `portsip/${STACK_NAME}.tfstate`, region: process.env.AWS_REGION } : undefined);
  const stack = new ServiceProviderStack(app, STACK_NAME, { ...opts, ...(s3State ? { s3State } : {}) });
  // The provider's own validators on every portsip construct: a bad value fails synth, naming the
  // construct path and the attribute, before terraform ever runs. (Per stack: cdktf never invokes
  // aspects added to the App itself.)
  validatePortsip(app);
  return { app, stack };
}
