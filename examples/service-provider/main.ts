// Entry point of the example cdktf app (cdktf.json "app"): synthesize to cdktf.out/stacks/service-provider.
// Then, with the provider installed (`portsip provider install`, docs/cdktf.md):
//   terraform -chdir=cdktf.out/stacks/service-provider init && terraform -chdir=... apply
import { buildApp } from './app';

buildApp().app.synth();
