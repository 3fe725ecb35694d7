/**
 * Where the package's files are at run time: this module's directory (src/validate/ in
 * development, dist/ once built, node_modules/... when installed) and, walking up from it,
 * the package's `schematron/` directory.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Directory of this module, in the ESM build, the CJS build and under vitest. */
function moduleDir(): string {
  // esbuild empties `import.meta` in the CJS build; `__dirname` exists there instead.
  const url = (import.meta as { url?: string }).url;
  if (url !== undefined) return dirname(fileURLToPath(url));
  return typeof __dirname === 'string' ? __dirname : process.cwd();
}

/**
 * Finds the package's `schematron/` directory by walking up from this module
 * (src/validate/ in development, dist/ once built, node_modules/... when installed).
 *
 * @example
 * findSchematronDir(); // '/app/node_modules/peppol-self-billing/schematron'
 */
export function findSchematronDir(from = moduleDir()): string | undefined {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, 'schematron');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

