// SaxonJS ships no types: the part of its API the EN 16931 validation uses.
declare module 'saxon-js' {
  interface TransformOptions {
    stylesheetInternal?: unknown;
    stylesheetFileName?: string;
    sourceText?: string;
    sourceFileName?: string;
    destination?: 'document' | 'serialized' | 'raw';
  }
  interface TransformResult {
    principalResult: unknown;
  }
  const SaxonJS: {
    transform(options: TransformOptions, mode: 'async'): Promise<TransformResult>;
    XPath: {
      evaluate(expression: string, context: unknown, options?: { resultForm?: 'array' | 'default' }): unknown;
    };
  };
  export default SaxonJS;
}
