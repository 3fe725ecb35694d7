/**
 * Turns zod issues on builder input into {@link Issue}s that name the business term (from
 * the schemas' `.describe()` texts, which start with the BT/BG id) and say how to fix it.
 */
import type { z } from 'zod';
import type { Issue } from '../model/result.js';

interface ZodDefLike {
  readonly type?: string;
  readonly innerType?: unknown;
  readonly in?: unknown;
  readonly shape?: Record<string, unknown>;
  readonly element?: unknown;
  readonly options?: readonly unknown[];
}

function defOf(schema: unknown): ZodDefLike | undefined {
  const zod = (schema as { _zod?: { def?: ZodDefLike } } | undefined)?._zod;
  return zod?.def;
}
function descriptionOf(schema: unknown): string | undefined {
  const text = (schema as { description?: unknown } | undefined)?.description;
  return typeof text === 'string' ? text : undefined;
}

/** Walks through wrappers (optional, default, pipe ...) collecting descriptions on the way. */
function unwrap(schema: unknown, found: string[]): unknown {
  let current = schema;
  for (let i = 0; i < 10; i++) {
    const d = descriptionOf(current);
    if (d !== undefined) found.push(d);
    const def = defOf(current);
    if (def === undefined) return current;
    if (def.innerType !== undefined) current = def.innerType;
    else if (def.type === 'pipe' && def.in !== undefined) current = def.in;
    else return current;
  }
  return current;
}

/**
 * The description of the schema at `path`, the most specific one found on the way down
 * (a field without its own description takes its group's).
 *
 * @param schema - the root zod schema
 * @param path - the issue path
 * @returns the description, e.g. `BT-31 Seller VAT identifier`, or undefined
 * @example
 * describeAt(InvoiceInputSchema, ['seller', 'vatIdentifier']); // 'BT-31 Seller VAT identifier'
 */
export function describeAt(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  const found: string[] = [];
  let current: unknown = unwrap(schema, found);
  for (const key of path) {
    const def = defOf(current);
    if (def === undefined) break;
    let next: unknown;
    if (def.type === 'object' && def.shape !== undefined && typeof key === 'string') next = def.shape[key];
    else if (def.type === 'array') next = def.element;
    if (next === undefined) break;
    current = unwrap(next, found);
  }
  return found.at(-1);
}

/**
 * The BT/BG id a description starts with.
 *
 * @param description - a schema field description such as `'BT-27 Seller name'`
 * @returns the business term id, or undefined when the description names none
 * @example
 * businessTermOf('BT-27 Seller name'); // 'BT-27'
 */
export function businessTermOf(description: string | undefined): string | undefined {
  const m = description === undefined ? null : /^(B[TG]-\d+)/.exec(description);
  return m?.[1];
}

/**
 * Converts the issues of a failed `safeParse` into builder issues.
 *
 * @param schema - the schema that was parsed
 * @param error - the zod error
 * @param prefix - path prefix (for nested inputs)
 * @returns one issue per zod issue, severity `error`
 * @example
 * const r = InvoiceInputSchema.safeParse(input);
 * if (!r.success) return { success: false, issues: issuesFromZod(InvoiceInputSchema, r.error) };
 */
export function issuesFromZod(schema: z.ZodType, error: z.ZodError, prefix = ''): Issue[] {
  return error.issues.map((zi) => {
    const pathText = prefix + zi.path.map(String).join('.');
    const description = describeAt(schema, zi.path);
    const term = businessTermOf(description);
    const subject = description ?? (pathText === '' ? 'The input' : `"${pathText}"`);
    let code = 'INVALID-INPUT';
    let message: string;
    if (zi.code === 'invalid_type' && /received undefined/.test(zi.message)) {
      code = 'MISSING-FIELD';
      message = `${subject} is required: set "${pathText}".`;
    } else if (zi.code === 'unrecognized_keys') {
      code = 'UNKNOWN-FIELD';
      message = `${subject}: unknown field(s) ${zi.keys.map((k) => `"${k}"`).join(', ')}; check the spelling against the input type.`;
    } else if (zi.code === 'too_small' && zi.origin === 'array') {
      message = `${subject} needs at least ${String(zi.minimum)} entr${zi.minimum === 1 ? 'y' : 'ies'}${pathText === 'lines' ? ' (BR-16: a document has at least one line)' : ''}.`;
    } else if (zi.code === 'invalid_type') {
      message = `${subject} ("${pathText}"): expected ${zi.expected}${zi.expected === 'string' ? ' (amounts are written as text such as "12.50")' : ''}.`;
    } else {
      message = `${subject} ("${pathText}"): ${zi.message}`;
    }
    return {
      code,
      severity: 'error' as const,
      message,
      ...(pathText === '' ? {} : { path: pathText }),
      ...(term === undefined ? {} : { businessTerm: term }),
    };
  });
}
