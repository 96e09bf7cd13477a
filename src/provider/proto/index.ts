// The bundled protocol definitions. The .proto texts are inlined by esbuild's text loader, so
// dist/provider.js needs no file outside itself at run time. (Jest cannot import .proto files:
// tests read them from disk and call buildServices directly, see test/provider/.)
import pluginProto from './plugin.proto';
import tfplugin6Proto from './tfplugin6.proto';
import { buildServices, type ProtocolServices } from './services';

export function loadProtocol(): ProtocolServices {
  return buildServices([tfplugin6Proto, pluginProto]);
}
