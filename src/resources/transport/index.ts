export { transportResource } from './resource';
export { transportSchema, transportImportKey, transportReplaceOnChange, TRANSPORT_PROTOCOLS, TLS_VERIFICATION } from './schema';
export { validate as validateTransport } from './validate';
