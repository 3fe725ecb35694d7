/**
 * Lists the fields of a zod model schema with their descriptions (which start with the
 * business term id). Used to generate docs/concepts/model-fields.md and to name business
 * terms in builder errors.
 */
import type { z } from 'zod';

/** One leaf or group of the model with its dotted path and description. */
export interface FieldDescription {
  /** Dotted path, `[]` marking arrays: `lines[].item.vatCategory.code`. */
  readonly path: string;
  readonly description: string;
}

type Def = Record<string, unknown> & { type?: string };
const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } })._zod?.def;

/**
 * Walks an object schema and returns every field that has a description, in declaration
 * order. Wrappers (optional, default, pipe/transform, refinements) are looked through.
 *
 * @param schema - a zod object schema (or a union of object schemas: its first option is used)
 * @returns the described fields with their paths
 * @example
 * describeFields(SellerSchema).find((f) => f.path === 'vatIdentifier')?.description; // 'BT-31 Seller VAT identifier'
 */
export function describeFields(schema: z.ZodType): FieldDescription[] {
  const out: FieldDescription[] = [];
  const visit = (s: unknown, path: string, inherited: string | undefined): void => {
    const def = defOf(s);
    if (!def) return;
    // The description written where a field is used wins over the one of the reused schema.
    const description = inherited ?? (s as { description?: string }).description;
    switch (def.type) {
      case 'optional':
      case 'default':
      case 'nullable':
      case 'readonly':
        visit(def['innerType'], path, description);
        return;
      case 'pipe':
        visit(def['in'], path, description);
        return;
      case 'union':
        visit((def['options'] as unknown[])[0], path, description);
        return;
      case 'array':
        visit(def['element'], `${path}[]`, description);
        return;
      case 'object': {
        if (path !== '' && description !== undefined) out.push({ path, description });
        const shape = def['shape'] as Record<string, unknown>;
        for (const [key, child] of Object.entries(shape)) visit(child, path === '' ? key : `${path}.${key}`, undefined);
        return;
      }
      default:
        if (description !== undefined) out.push({ path, description });
    }
  };
  visit(schema, '', undefined);
  return out;
}
