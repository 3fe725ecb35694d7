#!/usr/bin/env node
/**
 * Compiles every schematron/*.sch to schematron/sef/<name>.sef.json with our own
 * compiler (from the fresh dist/ build). Runs after tsup in `npm run build`, so the
 * SEF files exist after `npm install`. Any schema that does not compile fails the
 * build with its file name and the compiler's message.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schDir = join(root, 'schematron');
const sefDir = join(schDir, 'sef');

const { compileToSef } = await import(join(root, 'dist', 'validate.js'));

mkdirSync(sefDir, { recursive: true });
const files = readdirSync(schDir).filter((f) => f.endsWith('.sch')).sort();
let failed = 0;
for (const file of files) {
  const started = performance.now();
  const path = join(schDir, file);
  try {
    const sef = await compileToSef(readFileSync(path, 'utf8'), {
      resolveInclude: (href) => readFileSync(join(schDir, href), 'utf8'),
    });
    const out = join(sefDir, file.replace(/\.sch$/, '.sef.json'));
    writeFileSync(out, JSON.stringify(sef));
    console.log(`schematron: ${file} -> sef/${file.replace(/\.sch$/, '.sef.json')} (${Math.round(performance.now() - started)} ms)`);
  } catch (e) {
    failed++;
    console.error(`schematron: FAILED ${path}\n  ${e?.code ?? 'ERROR'}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
if (failed > 0) {
  console.error(`schematron: ${failed} of ${files.length} schema(s) did not compile`);
  process.exit(1);
}
