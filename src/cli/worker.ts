/**
 * Worker-thread entry of `peppol-sb validate --jobs N` (built to dist/cli-worker.js).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { validateDocument } from '../validate/validate.js';
import { loadExtraRuleSets } from './rules.js';

const { rules } = workerData as { rules: readonly string[] };
const ruleSets = await loadExtraRuleSets(rules);

parentPort?.on('message', (msg: { id: number; bytes: Uint8Array; file: string }) => {
  void validateDocument(msg.bytes, { ruleSets }).then((report) => parentPort?.postMessage({ id: msg.id, report }));
});
