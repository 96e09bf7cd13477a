// The only hand-written module that imports `cdktf` (docs/design.md "cdktf"). HashiCorp archived CDKTF on
// 2025-12-10 (0.21.0 is final); its community fork CDK Terrain publishes the same API as `cdktn`.
// Moving to it means changing this file and regenerating src/cdktf/gen with the fork's generator,
// nothing else: the validation aspect, the examples and the tests import cdktf through here.
export {
  Annotations,
  App,
  Aspects,
  Fn,
  LocalBackend,
  S3Backend,
  TerraformDataSource,
  TerraformIterator,
  TerraformOutput,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  TerraformVariable,
  Testing,
  Token,
  Tokenization,
} from 'cdktf';
export type { AppConfig, IAspect, IResolvable, TerraformElement } from 'cdktf';
