/**
 * Every public function and class has a TSDoc comment with an example, every exported
 * constant a TSDoc comment (the package's documentation promise).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(process.cwd(), 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'codes' ? [] : sourceFiles(path); // codes/: generated data
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Export {
  readonly where: string;
  readonly kind: string;
  readonly name: string;
  readonly doc: string | undefined;
}

/** Exported declarations with the TSDoc block right above them (overloads: the first signature's). */
function exportsOf(file: string): Export[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: Export[] = [];
  let previous = '';
  lines.forEach((line, i) => {
    const m = /^export (?:async )?(function|const|class) (\w+)/.exec(line);
    if (!m) return;
    const name = m[2] ?? '';
    if (name === previous) return; // a further overload signature
    previous = name;
    let j = i - 1;
    while (j >= 0 && (lines[j] ?? '').trim() === '') j--;
    let doc: string | undefined;
    if ((lines[j] ?? '').trim().endsWith('*/')) {
      let k = j;
      while (k >= 0 && !(lines[k] ?? '').trimStart().startsWith('/**')) k--;
      doc = lines.slice(k, j + 1).join('\n');
    }
    out.push({ where: `${relative(process.cwd(), file)}:${i + 1}`, kind: m[1] ?? '', name, doc });
  });
  return out;
}

const all = sourceFiles(root).flatMap(exportsOf);

describe('TSDoc of the public surface', () => {
  it('finds the exports', () => {
    expect(all.length).toBeGreaterThan(150);
  });

  it('documents every exported function and class with an @example', () => {
    const missing = all.filter((e) => e.kind !== 'const' && !(e.doc ?? '').includes('@example')).map((e) => `${e.where} ${e.name}`);
    expect(missing).toEqual([]);
  });

  it('documents every exported constant', () => {
    const missing = all.filter((e) => e.kind === 'const' && e.doc === undefined).map((e) => `${e.where} ${e.name}`);
    expect(missing).toEqual([]);
  });
});
