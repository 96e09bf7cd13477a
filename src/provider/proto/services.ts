// The RPC methods of our .proto files with their protobuf codecs: static decoders and encoders that
// `npm run gen:proto` writes into src/provider/gen/protocol-codec.js from the .proto files.
//
// Why generated ahead of time: parsing the .proto text, building protobufjs's reflection and
// compiling its decoders and encoders at run time cost ~25 ms of every provider launch, before the
// handshake line and on the first calls (bench/RESULTS.md "Per-RPC CPU"); a command makes 2-5
// launches (docs/protocol.md "Launches per command"). The code is protobufjs's own code generation,
// run by protobufjs/minimal's Reader and Writer.
//
// The object form (docs/protocol.md "Messages in TypeScript", the types in src/provider/gen/tfplugin6.ts):
//  - a request is the message instance the decoder returns, read field by field (no copy into a
//    plain object). An absent field reads as its proto3 default from the prototype ('' / 0 / false /
//    empty bytes / null for a message / empty map and list), which the handlers treat like a missing one;
//  - a response is a plain object encoded directly: enums as numbers, bytes as Buffer, int64 as number;
//  - int64 is a JS number: the codec module configures protobufjs so (protobufjs 7 bundles the `long`
//    package and would otherwise decode a Long object).

import { services as generated, type MethodCodec } from '../gen/protocol-codec';

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
  /** Client side: the response's bytes as a message instance. */
  decodeResponse(bytes: Uint8Array): object;
}

export interface ProtocolServices {
  /** tfplugin6.Provider, by method name in .proto order. */
  provider: Record<string, RpcMethod>;
  /** plugin.GRPCController (Shutdown). */
  controller: Record<string, RpcMethod>;
}

function toBuffer(u8: Uint8Array): Buffer {
  return Buffer.isBuffer(u8) ? u8 : Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

function serviceMethods(fullName: string): Record<string, RpcMethod> {
  const methods = generated[fullName];
  if (!methods) throw new Error(`the generated codec has no service ${fullName}: run npm run gen:proto`);
  const out: Record<string, RpcMethod> = {};
  for (const [name, m] of Object.entries<MethodCodec>(methods)) {
    out[name] = {
      path: m.path,
      name,
      decodeRequest: (b) => m.request.decode(b),
      encodeResponse: (v) => toBuffer(m.response.encode(v).finish()),
      encodeRequest: (v) => toBuffer(m.request.encode(v).finish()),
      decodeResponse: (b) => m.response.decode(b),
    };
  }
  return out;
}

/** The provider's services (tfplugin6 + go-plugin's controller) with their codecs. */
export function loadProtocol(): ProtocolServices {
  return { provider: serviceMethods('tfplugin6.Provider'), controller: serviceMethods('plugin.GRPCController') };
}
