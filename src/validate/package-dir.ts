/**
 * Where the package's files are at run time: this module's directory (src/validate/ in
 * development, dist/ once built, node_modules/... when installed) and, walking up from it,
 * the package's `schematron/` directory; and how files are written there.
 */
import { existsSync, mkdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
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


/**
 * Writes a file the package keeps beside its rules (a compiled SEF, a code cache) through a
 * temporary file and a rename, so that another process never reads half a file; dated `dated`
 * when given. Best effort: a read-only install just does not get the file.
 *
 * @returns True when the file was written.
 *
 * @example
 * replaceFile('/app/schematron/sef/mine.sef.json', JSON.stringify(sef), compileStarted);
 */
export function replaceFile(path: string, data: string | Uint8Array, dated?: Date): boolean {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    if (dated) utimesSync(tmp, dated, dated);
    renameSync(tmp, path);
    return true;
  } catch {
    return false;
  }
}
