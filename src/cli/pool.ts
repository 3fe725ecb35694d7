/**
 * A small pool of worker threads for `peppol-sb validate --jobs N`: each worker loads the
 * rule sets once, then validates the files it is sent. Large batches use every core.
 */
import { Worker } from 'node:worker_threads';
import type { ValidationReport } from '../validate/types.js';
import type { ValidateBytes } from './run.js';

interface Pending {
  readonly resolve: (r: ValidationReport) => void;
  readonly reject: (e: Error) => void;
}

/** A pool that validates files in worker threads. */
export interface WorkerPool {
  readonly validate: ValidateBytes;
  /** Terminates the workers. */
  close(): Promise<void>;
}

/**
 * Starts `size` workers running `workerUrl` (the built `cli-worker.js`), each given the
 * extra rule-set paths to load.
 *
 * @example
 * const pool = createWorkerPool(new URL('./cli-worker.js', import.meta.url), 2, []);
 * const report = await pool.validate(bytes, 'a.xml');
 * await pool.close();
 */
export function createWorkerPool(workerUrl: URL, size: number, rules: readonly string[]): WorkerPool {
  const workers = Array.from({ length: size }, () => new Worker(workerUrl, { workerData: { rules } }));
  const load = new Map<Worker, number>(workers.map((w) => [w, 0]));
  const pending = new Map<number, Pending>();
  let nextId = 0;
  for (const w of workers) {
    w.on('message', (msg: { id: number; report: ValidationReport }) => {
      load.set(w, (load.get(w) ?? 1) - 1);
      pending.get(msg.id)?.resolve(msg.report);
      pending.delete(msg.id);
    });
    w.on('error', (e) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    });
  }
  const validate: ValidateBytes = (bytes, file) =>
    new Promise((resolve, reject) => {
      // The least loaded worker gets the next file, so a slow (huge) file does not stall a queue.
      let target = workers[0] as Worker;
      for (const w of workers) if ((load.get(w) ?? 0) < (load.get(target) ?? 0)) target = w;
      load.set(target, (load.get(target) ?? 0) + 1);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      target.postMessage({ id, bytes, file });
    });
  return {
    validate,
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
