import type { Decimal } from './decimal.js';

/**
 * Makes a model type deeply read-only (arrays and nested objects), stopping at Decimal
 * values, which are immutable already. The public types are read-only because no
 * function of the package mutates its input, and callers should not expect to either.
 *
 * @example
 * type Doc = DeepReadonly<{ lines: { id: string }[] }>; // { readonly lines: readonly { readonly id: string }[] }
 */
export type DeepReadonly<T> = T extends Decimal
  ? T
  : T extends readonly (infer U)[]
    ? readonly DeepReadonly<U>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;
