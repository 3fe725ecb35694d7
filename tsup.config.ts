import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM + CJS with declarations. `validate` is a separate entry so that the
    // main entry never loads saxon-js and the compiled rule sets.
    entry: {
      index: 'src/index.ts',
      validate: 'src/validate/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'node20',
    splitting: false,
  },
  {
    // The CLI and its worker thread: ESM only (the bin is an ES module, the worker uses top-level await).
    entry: {
      cli: 'src/cli/main.ts',
      'cli-worker': 'src/cli/worker.ts',
    },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    splitting: false,
    define: { PACKAGE_VERSION: JSON.stringify(process.env['npm_package_version'] ?? 'dev') },
  },
]);
