// The Terraform value codec: cty type JSON, msgpack DynamicValue, state JSON.
export * from './cty-type';
export * from './dynamic';
export * from './numbers';
export * from './msgpack';
export * from './json';
