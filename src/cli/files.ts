/**
 * Turns the paths given on the command line (files, directories, globs) into the list of
 * XML files to validate. Directories are walked recursively for `*.xml`; globs support
 * `*`, `?` and `**` so that quoted patterns work the same on every shell.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** One path from the command line, resolved. */
export type ExpandedPath =
  | { readonly kind: 'file'; readonly file: string }
  | { readonly kind: 'missing'; readonly file: string; readonly reason: string };

const GLOB_CHARS = /[*?[]/;

/**
 * Converts a glob (`fixtures/**\/*.xml`) into a regular expression over `/`-separated paths.
 *
 * @example
 * globToRegExp('a/**\/*.xml').test('a/b/c.xml'); // true
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches any number of directories, including none.
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') {
      re += '[^/]';
    } else {
      re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${re}$`);
}

function walk(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else if (e.isFile()) out.push(full);
  }
}

/**
 * Expands command-line paths into files, in a stable order, without duplicates.
 * A path that does not exist (or a glob that matches nothing) is returned as `missing`
 * so that the CLI can report it and exit with code 2.
 *
 * @param paths - files, directories or glob patterns
 * @returns the files to read, plus the paths that could not be resolved
 * @example
 * expandPaths(['fixtures/']); // [{ kind: 'file', file: 'fixtures/valid/a.xml' }, ...]
 */
export function expandPaths(paths: readonly string[]): ExpandedPath[] {
  const out: ExpandedPath[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      out.push({ kind: 'file', file });
    }
  };
  for (const p of paths) {
    if (GLOB_CHARS.test(p)) {
      const normalized = p.split(sep).join('/');
      const firstGlob = normalized.search(GLOB_CHARS);
      const base = normalized.slice(0, normalized.lastIndexOf('/', firstGlob) + 1) || '.';
      const re = globToRegExp(normalized.startsWith('./') ? normalized.slice(2) : normalized);
      const files: string[] = [];
      walk(base, files);
      const matched = files.filter((f) => {
        const rel = base === '.' ? relative('.', f) : f;
        return re.test(rel.split(sep).join('/'));
      });
      if (matched.length === 0) out.push({ kind: 'missing', file: p, reason: 'the pattern matches no file' });
      matched.forEach(add);
      continue;
    }
    let stat;
    try {
      stat = statSync(p);
    } catch {
      out.push({ kind: 'missing', file: p, reason: 'no such file or directory' });
      continue;
    }
    if (stat.isDirectory()) {
      const files: string[] = [];
      walk(p, files);
      const xml = files.filter((f) => f.toLowerCase().endsWith('.xml'));
      if (xml.length === 0) out.push({ kind: 'missing', file: p, reason: 'the directory holds no .xml file' });
      xml.forEach(add);
    } else {
      add(p);
    }
  }
  return out;
}
