#!/usr/bin/env node
/**
 * Writes V8's code cache of the validation engine next to the compiled rules
 * (schematron/sef/saxon-js-<hash>.v8cache), after one warm-up validation in this fresh
 * process, so every later process starts faster (see writeValidatorCodeCache in
 * src/validate/saxon.ts). Runs last in `npm run build`. Best effort: a failure only
 * costs cold-start time, so it warns and exits 0.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
try {
  const { validateDocument, writeValidatorCodeCache } = await import(join(root, 'dist', 'validate.js'));
  const report = await validateDocument(readFileSync(join(root, 'fixtures', 'valid', 'peppol-invoice.xml')));
  if (!report.valid) console.warn('code cache: the warm-up document did not validate; the cache is written anyway');
  const written = writeValidatorCodeCache();
  if (written === undefined) console.warn('code cache: not written (SaxonJS loaded unpatched, or schematron/sef not writable)');
  else {
    const dir = dirname(written);
    for (const f of readdirSync(dir)) if (f.startsWith('saxon-js-') && f.endsWith('.v8cache') && f !== basename(written)) rmSync(join(dir, f));
    console.log(`code cache: sef/${basename(written)}`);
  }
} catch (e) {
  console.warn(`code cache: skipped (${e instanceof Error ? e.message : String(e)})`);
}
