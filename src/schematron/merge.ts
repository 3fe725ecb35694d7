/**
 * Merging several resolved schemas into one, so that every built-in rule set runs in ONE
 * traversal of the document (see `emit.ts`). A traversal costs about as much as all the
 * rules that match nothing, so running six or eight rule sets as separate passes would
 * multiply the fixed cost; merged, each node is visited once and handed to the patterns
 * of every rule set that can match it.
 *
 * What merging keeps: every pattern stays a pattern (first matching rule per pattern,
 * patterns independent), in the order of the sources and then of the file; each pattern
 * remembers the rule set it came from, so issues keep a meaningful `ruleSet`.
 * What it refuses, naming both sources: a prefix bound to two URIs, a pattern id used
 * twice, two different declarations of the same global name (let, xsl:function with the
 * same arity, xsl:key, ...). Identical declarations are kept once: two rule sets may
 * carry the same helper function.
 */
import { SchematronCompileError } from './errors.js';
import type { ForeignDecl, LetDecl, PatternDecl, SchemaModel } from './read.js';

/** One resolved schema and the name of its rule set (usually the file stem). */
export interface NamedSchema {
  readonly name: string;
  readonly model: SchemaModel;
}

function letText(l: LetDecl): string {
  return l.value !== undefined ? `value=${l.value}` : `content=${l.content ?? ''}`;
}

/**
 * Merges resolved schemas into one model.
 *
 * @param schemas The schemas, in the order their patterns should run.
 * @param title Title of the merged set; default the sources' titles joined by "; ".
 * @returns One model whose patterns carry their `ruleSet`.
 * @throws SchematronCompileError `DUPLICATE_RULE_SET`, `NAMESPACE_CONFLICT`,
 * `DUPLICATE_PATTERN` or `DUPLICATE_DECLARATION`, naming the sources involved.
 *
 * @example
 * const model = mergeSchemas([
 *   { name: 'peppol-document', model: readSchema(a, { name: 'peppol-document' }) },
 *   { name: 'cen-core', model: readSchema(b, { name: 'cen-core' }) },
 * ]);
 */
export function mergeSchemas(schemas: readonly NamedSchema[], title?: string): SchemaModel {
  const names = new Set<string>();
  const namespaces: Record<string, string> = {};
  const nsOwner = new Map<string, string>();
  const patternOwner = new Map<string, string>();
  const lets: LetDecl[] = [];
  const letOwner = new Map<string, { readonly name: string; readonly text: string }>();
  const foreign: ForeignDecl[] = [];
  const foreignOwner = new Map<string, { readonly name: string; readonly text: string }>();
  const patterns: PatternDecl[] = [];

  for (const { name, model } of schemas) {
    if (names.has(name)) throw new SchematronCompileError('DUPLICATE_RULE_SET', `Two rule sets are named "${name}".`);
    names.add(name);

    for (const [prefix, uri] of Object.entries(model.namespaces)) {
      const known = namespaces[prefix];
      if (known !== undefined && known !== uri) {
        throw new SchematronCompileError(
          'NAMESPACE_CONFLICT',
          `Prefix "${prefix}" is bound to ${known} in ${nsOwner.get(prefix) ?? '?'} but to ${uri} in ${name}; merged rule sets must bind a prefix to the same namespace (rename the prefix in one of them).`,
        );
      }
      if (known === undefined) {
        namespaces[prefix] = uri;
        nsOwner.set(prefix, name);
      }
    }

    for (const l of model.lets) {
      const text = letText(l);
      const earlier = letOwner.get(l.name);
      if (earlier === undefined) {
        letOwner.set(l.name, { name, text });
        lets.push(l);
      } else if (earlier.text !== text) {
        throw new SchematronCompileError(
          'DUPLICATE_DECLARATION',
          `The schema-level let "$${l.name}" is defined differently in ${earlier.name} and ${name}; global names are shared by merged rule sets (rename one, or move it into the pattern).`,
        );
      }
    }

    for (const f of model.foreign) {
      if (f.identity === '') {
        foreign.push(f);
        continue;
      }
      const earlier = foreignOwner.get(f.identity);
      if (earlier === undefined) {
        foreignOwner.set(f.identity, { name, text: f.text });
        foreign.push(f);
      } else if (earlier.text !== f.text) {
        throw new SchematronCompileError(
          'DUPLICATE_DECLARATION',
          `${f.identity} is declared differently in ${earlier.name} and ${name}; merged rule sets share one stylesheet (rename one, or make the declarations identical).`,
        );
      }
    }

    for (const p of model.patterns) {
      const earlier = patternOwner.get(p.id);
      if (earlier !== undefined) {
        throw new SchematronCompileError(
          'DUPLICATE_PATTERN',
          `Pattern id "${p.id}" is used in ${earlier} and in ${name}; pattern ids must be unique across the merged rule sets.`,
        );
      }
      patternOwner.set(p.id, name);
      patterns.push(p.ruleSet === undefined ? { ...p, ruleSet: name } : p);
    }
  }

  const phases = schemas.filter((s) => s.model.phase !== '#ALL').map((s) => `${s.name}:${s.model.phase}`);
  return {
    title: title ?? schemas.map((s) => s.model.title).filter((t) => t !== '').join('; '),
    phase: phases.length === 0 ? '#ALL' : phases.join(' '),
    namespaces,
    lets,
    patterns,
    foreign,
    ruleSets: schemas.map((s) => s.name),
  };
}
