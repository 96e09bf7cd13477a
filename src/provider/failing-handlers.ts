// The handler table served when the provider definition failed to load (serve.ts): every RPC answers
// with the load error as a diagnostic, so Terraform shows it instead of a dropped connection.

import { errorDiagnostic, toProtoDiagnostics } from './diagnostics';
import type { ProviderHandlerTable } from './handlers';

/**
 * What every RPC answers when the provider definition failed to load (serve.ts): the load error as
 * a diagnostic, so Terraform shows it instead of a dropped connection.
 */
export function failingHandlers(detail: string): ProviderHandlerTable {
  const diagnostics = toProtoDiagnostics([errorDiagnostic('Provider failed to load', detail)]);
  const fail = async () => ({ diagnostics });
  return {
    GetMetadata: fail,
    GetProviderSchema: fail,
    ValidateProviderConfig: fail,
    ValidateResourceConfig: fail,
    ValidateDataResourceConfig: fail,
    UpgradeResourceState: fail,
    ConfigureProvider: fail,
    ReadResource: fail,
    PlanResourceChange: fail,
    ApplyResourceChange: fail,
    ImportResourceState: fail,
    MoveResourceState: fail,
    ReadDataSource: fail,
    StopProvider: async () => ({}),
    GetFunctions: fail,
    CallFunction: async () => ({ error: { text: `Provider failed to load: ${detail}` } }),
    ValidateEphemeralResourceConfig: fail,
    OpenEphemeralResource: fail,
    RenewEphemeralResource: fail,
    CloseEphemeralResource: fail,
    GetResourceIdentitySchemas: fail,
  };
}
