// gRPC service definitions for grpc-js, built from our .proto text with protobufjs.
//
// Why not @grpc/proto-loader: its fromJSON/loadSync also builds full descriptor protos for
// reflection we never use. Measured on this machine: proto-loader require ~30 ms + fromJSON
// ~50 ms, versus ~13 ms for protobufjs resolveAll, on every provider launch (and a command makes
// 2-5 launches, docs/protocol.md "Launches per command"). The result is the same grpc-js ServiceDefinition shape
// proto-loader produces (path, serialize/deserialize), driven by the same protobufjs runtime.

import type * as grpc from '@grpc/grpc-js';
import * as protobuf from 'protobufjs';

/** How decoded requests look: snake_case keys (keepCase), int64 as JS numbers, bytes as Buffer. */
const TO_OBJECT: protobuf.IConversionOptions = { longs: Number, enums: Number, defaults: false, arrays: true, objects: true, oneofs: true };

export interface ProtocolServices {
  provider: grpc.ServiceDefinition;
  controller: grpc.ServiceDefinition;
  root: protobuf.Root;
}

function toBuffer(u8: Uint8Array): Buffer {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

function serviceDefinition(service: protobuf.Service, fullName: string): grpc.ServiceDefinition {
  const def: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
  for (const method of service.methodsArray) {
    method.resolve();
    const reqType = method.resolvedRequestType as protobuf.Type;
    const resType = method.resolvedResponseType as protobuf.Type;
    def[method.name] = {
      path: `/${fullName}/${method.name}`,
      requestStream: false,
      responseStream: false,
      requestSerialize: (v: unknown) => toBuffer(reqType.encode(reqType.fromObject(v as Record<string, unknown>)).finish()),
      requestDeserialize: (b: Buffer) => reqType.toObject(reqType.decode(b), TO_OBJECT),
      responseSerialize: (v: unknown) => toBuffer(resType.encode(resType.fromObject(v as Record<string, unknown>)).finish()),
      responseDeserialize: (b: Buffer) => resType.toObject(resType.decode(b), TO_OBJECT),
      originalName: method.name,
    };
  }
  return def;
}

/** Parse the given .proto texts (tfplugin6 + plugin) into grpc-js service definitions. */
export function buildServices(protoTexts: string[]): ProtocolServices {
  const root = new protobuf.Root();
  for (const text of protoTexts) protobuf.parse(text, root, { keepCase: true });
  root.resolveAll();
  return {
    provider: serviceDefinition(root.lookupService('tfplugin6.Provider'), 'tfplugin6.Provider'),
    controller: serviceDefinition(root.lookupService('plugin.GRPCController'), 'plugin.GRPCController'),
    root,
  };
}
