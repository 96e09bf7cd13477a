// Our Diagnostic (values.ts) <-> tfplugin6.Diagnostic. Paths become AttributePath steps:
// string -> attribute_name, number -> element_key_int, {key} -> element_key_string
// (docs/protocol.md "Diagnostics": such a path points Terraform's UI at the config line).

import * as tf from './gen/tfplugin6';
import type { AttributePath, Diagnostic, PathStep } from './values';

export function pathToProto(path: AttributePath): tf.AttributePath {
  return {
    steps: path.map((s): tf.AttributePath_Step => {
      if (typeof s === 'string') return { attribute_name: s };
      if (typeof s === 'number') return { element_key_int: s };
      return { element_key_string: s.key };
    }),
  };
}

export function pathFromProto(p: tf.AttributePath | null | undefined): AttributePath | undefined {
  if (!p || !p.steps || p.steps.length === 0) return undefined;
  return p.steps.map((s): PathStep => {
    if (s.attribute_name !== undefined && s.attribute_name !== null && s.attribute_name !== '') return s.attribute_name;
    if (s.element_key_string !== undefined && s.element_key_string !== null) return { key: s.element_key_string };
    return Number(s.element_key_int ?? 0);
  });
}

export function toProtoDiagnostic(d: Diagnostic): tf.Diagnostic {
  const out: tf.Diagnostic = {
    severity: d.severity === 'warning' ? tf.Diagnostic_Severity.WARNING : tf.Diagnostic_Severity.ERROR,
    summary: d.summary,
  };
  if (d.detail) out.detail = d.detail;
  if (d.path && d.path.length > 0) out.attribute = pathToProto(d.path);
  return out;
}

export function fromProtoDiagnostic(p: tf.Diagnostic): Diagnostic {
  const d: Diagnostic = { severity: p.severity === tf.Diagnostic_Severity.WARNING ? 'warning' : 'error', summary: p.summary ?? '' };
  if (p.detail) d.detail = p.detail;
  const path = pathFromProto(p.attribute);
  if (path) d.path = path;
  return d;
}

export function toProtoDiagnostics(ds: readonly Diagnostic[] | undefined): tf.Diagnostic[] {
  return (ds ?? []).map(toProtoDiagnostic);
}

export function errorDiagnostic(summary: string, detail?: string, path?: AttributePath): Diagnostic {
  const d: Diagnostic = { severity: 'error', summary };
  if (detail) d.detail = detail;
  if (path) d.path = path;
  return d;
}

export function warningDiagnostic(summary: string, detail?: string, path?: AttributePath): Diagnostic {
  const d: Diagnostic = { severity: 'warning', summary };
  if (detail) d.detail = detail;
  if (path) d.path = path;
  return d;
}

export function hasErrors(ds: readonly Diagnostic[] | undefined): boolean {
  return (ds ?? []).some((d) => d.severity === 'error');
}

/**
 * A thrown value as an error diagnostic. An error object may carry its own `diagnostics` array
 * (e.g. a DiagnosticsError) or a `path`, which are kept.
 */
export function diagnosticsFromError(e: unknown, summary = 'Provider error'): Diagnostic[] {
  if (e instanceof DiagnosticsError) return e.diagnostics;
  const err = e as { message?: unknown; path?: unknown } | null;
  const message = err && typeof err.message === 'string' ? err.message : String(e);
  const path = err && Array.isArray(err.path) ? (err.path as AttributePath) : undefined;
  return [errorDiagnostic(summary, message, path)];
}

/** Throw this from resource code to return exact diagnostics from any RPC. */
export class DiagnosticsError extends Error {
  override name = 'DiagnosticsError';
  constructor(public readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.summary + (d.detail ? `: ${d.detail}` : '')).join('; '));
  }
}
