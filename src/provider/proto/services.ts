// The RPC methods of our .proto texts with their protobuf codecs, built with protobufjs.
//
// Why not @grpc/proto-loader: its fromJSON/loadSync also builds full descriptor protos for
// reflection we never use. Measured on this machine: proto-loader require ~30 ms + fromJSON
// ~50 ms, versus ~13 ms for protobufjs resolveAll, on every provider launch (and a command makes
// 2-5 launches, docs/protocol.md "Launches per command").
//
// The object form (docs/protocol.md "Messages in TypeScript", the types in src/provider/gen/tfplugin6.ts):
//  - requests are protobufjs message instances as `Type.decode` returns them, read field by field;
//    no toObject copy (it cost ~10 % of the provider's CPU in a plan, bench/RESULTS.md "Per-RPC CPU").
//    An absent field reads as its proto3 default from the prototype ('' / 0 / false / empty bytes /
//    null for a message / empty map and list), which the handlers treat like a missing one;
//  - responses are plain objects in that form, encoded by `Type.encode` directly (no fromObject
//    copy): enums as numbers, bytes as Buffer, int64 as number, as the generated types demand;
//  - int64 is a JS number: protobufjs would otherwise decode it as a Long object where the `long`
//    package can be required (the dev bundle) and as a number where it cannot (the single
//    executable); `configureNumbers` makes it a number everywhere.

import * as protobuf from 'protobufjs';

/** The object form used by tests and tools that decode responses (plain objects, snake_case, int64 as number). */
const TO_OBJECT: protobuf.IConversionOptions = { longs: Number, enums: Number, defaults: false, arrays: true, objects: true, oneofs: true };

export interface RpcMethod {
  /** The HTTP/2 path, e.g. "/tfplugin6.Provider/GetMetadata". */
  path: string;
  name: string;
  /** Server side: the request's bytes as a message instance (see above). */
  decodeRequest(bytes: Uint8Array): object;
  /** Server side: a response in the object form, as bytes. */
  encodeResponse(response: object): Buffer;
  /** Client side (tests, tools): a request in the object form, as bytes. */
  encodeRequest(request: object): Buffer;
  /** Client side: the response's bytes as a plain object (toObject), easy to compare. */
  decodeResponse(bytes: Uint8Array): Record<string, unknown>;
}

export interface ProtocolServices {
  /** tfplugin6.Provider, by method name in .proto order. */
  provider: Record<string, RpcMethod>;
  /** plugin.GRPCController (Shutdown). */
  controller: Record<string, RpcMethod>;
  root: protobuf.Root;
}

function toBuffer(u8: Uint8Array): Buffer {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

let numbersConfigured = false;
/** int64 as JS numbers (see above). Must run before the .proto is parsed: field defaults are set then. */
function configureNumbers(): void {
  if (numbersConfigured) return;
  numbersConfigured = true;
  protobuf.util.Long = undefined as unknown as typeof protobuf.util.Long;
  protobuf.configure();
}

function serviceMethods(service: protobuf.Service, fullName: string): Record<string, RpcMethod> {
  const out: Record<string, RpcMethod> = {};
  for (const method of service.methodsArray) {
    method.resolve();
    const reqType = method.resolvedRequestType as protobuf.Type;
    const resType = method.resolvedResponseType as protobuf.Type;
    out[method.name] = {
      path: `/${fullName}/${method.name}`,
      name: method.name,
      decodeRequest: (b) => reqType.decode(b),
      encodeResponse: (v) => toBuffer(resType.encode(v).finish()),
      encodeRequest: (v) => toBuffer(reqType.encode(reqType.fromObject(v)).finish()),
      decodeResponse: (b) => resType.toObject(resType.decode(b), TO_OBJECT),
    };
  }
  return out;
}

/** Parse the given .proto texts (tfplugin6 + plugin) into their methods and codecs. */
export function buildServices(protoTexts: string[]): ProtocolServices {
  configureNumbers();
  const root = new protobuf.Root();
  for (const text of protoTexts) protobuf.parse(text, root, { keepCase: true });
  root.resolveAll();
  return {
    provider: serviceMethods(root.lookupService('tfplugin6.Provider'), 'tfplugin6.Provider'),
    controller: serviceMethods(root.lookupService('plugin.GRPCController'), 'plugin.GRPCController'),
    root,
  };
}
