// A real gRPC client for the tests: grpc-js's, given our methods and codecs
// (src/provider/proto/services.ts). The provider serves with its own server (src/provider/grpc.ts);
// talking to it through an independent gRPC implementation is the point.
import type * as grpc from '@grpc/grpc-js';
import type { RpcMethod } from '../../src/provider/proto/services';

export function clientDefinition(methods: Record<string, RpcMethod>): grpc.ServiceDefinition {
  const def: Record<string, grpc.MethodDefinition<object, object>> = {};
  for (const [name, m] of Object.entries(methods)) {
    def[name] = {
      path: m.path,
      requestStream: false,
      responseStream: false,
      requestSerialize: (v) => m.encodeRequest(v),
      requestDeserialize: (b) => m.decodeRequest(b),
      responseSerialize: (v) => m.encodeResponse(v),
      responseDeserialize: (b) => m.decodeResponse(b),
      originalName: name,
    };
  }
  return def;
}
