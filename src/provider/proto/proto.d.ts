// esbuild's text loader (scripts/build.js: loader { '.proto': 'text' }) turns a .proto import into its text.
declare module '*.proto' {
  const text: string;
  export default text;
}
