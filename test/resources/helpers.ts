// Test helpers: build configs with every schema key (as Terraform sends them) and inspect diagnostics.

import * as path from 'node:path';
import type { PortsipClient } from '../../src/client';
import type { ResourceContext } from '../../src/provider/definition';
import type { Schema } from '../../src/provider/schema';
import type { Diagnostic, ObjectValue } from '../../src/provider/values';
import type { PortsipContext } from '../../src/resources/common/context';
import { CreateJournal } from '../../src/resources/common/create-journal';
import { emptyState } from '../../src/resources/common/mapping';
import { KeyIndex } from '../../src/resources/common/natural-keys';
import { PlanCensus } from '../../src/resources/common/plan-census';
import { PlanLedger } from '../../src/resources/common/plan-ledger';
import { ReadCoalescer } from '../../src/resources/common/read-cache';
import { tempDir } from '../tmp';

/** A config object with every schema key: null attributes, null SINGLE blocks, [] LIST blocks. */
export function configOf(schema: Schema, values: ObjectValue): ObjectValue {
  return emptyState(schema.block, values);
}

/** A SINGLE block value of a nested schema block with every key present. */
export function blockOf(schema: Schema, path: string[], values: ObjectValue): ObjectValue {
  let b = schema.block;
  for (const p of path) b = b.blocks![p]!.block;
  return emptyState(b, values);
}

export const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');
export const warnings = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'warning');

export function describeDiags(ds: Diagnostic[]): string {
  return ds.map((d) => `[${d.severity}] ${JSON.stringify(d.path)} ${d.summary}: ${d.detail}`).join('\n');
}

/** A plan ledger with no census (as in a process Terraform did not start). */
export const freshLedger = () => new PlanLedger(new PlanCensus(undefined, ''));

/** A resource context as the handlers build it (Terraform 1.11.4, write-only allowed, a silent logger). */
export function resourceCtx<P extends object>(provider: P, typeName = 'test'): ResourceContext<PortsipContext> & { provider: P } {
  const quiet = () => undefined;
  return {
    signal: new AbortController().signal,
    logger: { debug: quiet, info: quiet, warn: quiet, error: quiet, trace: quiet } as never,
    clientCapabilities: { writeOnlyAllowed: true, deferralAllowed: false },
    terraformVersion: '1.11.4',
    typeName,
    provider: provider as PortsipContext & P,
  };
}

/**
 * The provider context ConfigureProvider builds around `client` (batch reads, a fresh key index and
 * ledger, the create journal in a temporary folder, API version 22.3), for tests that call a
 * resource against the emulator.
 */
export function providerContext(client: PortsipClient, signInPassword: string, tenantDealerReads: 'managed' | 'all' | 'none' = 'managed') {
  return {
    client,
    reads: new ReadCoalescer('batch'),
    keys: new KeyIndex(),
    journal: new CreateJournal(path.join(tempDir('journal-'), 'journal.jsonl')),
    ledger: freshLedger(),
    readStrategy: 'batch' as const,
    tenantDealerReads,
    signInPassword,
    apiVersion: async () => '22.3',
  };
}
