// The provider's schema model: the single source of truth for attribute names, types and flags.
// GetProviderSchema, the cdktf bindings and the docs are all generated from these objects.
// Mirrors tfplugin6 Schema/Block/Attribute/NestedBlock (docs/protocol.md "Messages and field numbers").

/** A cty type. Encoded on the wire as cty type JSON ("string", ["list","string"], ...). */
export type AttrType =
  | 'string'
  | 'number'
  | 'bool'
  | 'dynamic'
  | { list: AttrType }
  | { set: AttrType }
  | { map: AttrType }
  | { object: Record<string, AttrType> };

export interface Attribute {
  type: AttrType;
  /** Markdown. Shown in docs and the cdktf bindings. */
  description: string;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  /** Terraform 1.11 write-only: never in plan or state. Must not be computed. */
  writeOnly?: boolean;
  deprecated?: boolean;
}

export type Nesting = 'single' | 'list' | 'set' | 'map' | 'group';

export interface NestedBlock {
  nesting: Nesting;
  block: Block;
  minItems?: number;
  maxItems?: number;
}

export interface Block {
  attributes: Record<string, Attribute>;
  blocks?: Record<string, NestedBlock>;
  description?: string;
  deprecated?: boolean;
}

export interface Schema {
  version: number;
  block: Block;
}
