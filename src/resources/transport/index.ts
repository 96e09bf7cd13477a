export { transportResource } from './resource';
export { transportSchema, transportImportKey, TRANSPORT_PROTOCOLS, TLS_VERIFICATION } from './schema';
export { validate as validateTransport } from './validate';
