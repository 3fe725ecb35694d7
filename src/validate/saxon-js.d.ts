/**
 * The few parts of saxon-js 2.7 that `saxon.ts` uses (the package ships no types).
 * Only `saxon.ts` may import 'saxon-js'.
 */
declare module 'saxon-js' {
  interface SaxonPlatform {
    parseXmlFromString(text: string): unknown;
    resource(name: string): Record<string, unknown>;
  }
  interface TransformResult {
    principalResult: unknown;
  }
  interface TransformOptions {
    [key: string]: unknown;
    resultPromise?: Promise<TransformResult>;
  }
  interface XdmMapLike {
    inSituPut(key: unknown, value: unknown[]): void;
  }
  const SaxonJS: {
    getPlatform(): SaxonPlatform;
    transform(options: Record<string, unknown>, mode: 'sync'): TransformResult;
    checkOptions(options: Record<string, unknown>): TransformOptions;
    internalTransform(stylesheet: unknown, source: unknown, options: TransformOptions): void;
    XdmMap: new () => XdmMapLike;
    XS: { QName: { fromParts(prefix: string, uri: string, local: string): unknown } };
    XPath: {
      sefToJSON(node: unknown, relocatable: boolean): Record<string, unknown>;
      evaluate(xpath: string, context?: unknown, options?: Record<string, unknown>): unknown;
    };
  };
  export default SaxonJS;
}
