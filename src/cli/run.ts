/**
 * `peppol-sb validate` without the process around it: validates a list of files with a
 * given validator and renders the report. main.ts supplies the real file system, stdout
 * and saxon-js; tests supply fakes.
 */
import type { ValidationReport } from '../validate/types.js';
import type { FailOn, OutputFormat } from './args.js';
import type { ExpandedPath } from './files.js';
import type { FileResult } from './result.js';
import { formatGithub } from './format/github.js';
import { formatJson } from './format/json.js';
import { formatJunit } from './format/junit.js';
import { formatText } from './format/text.js';

/** Validates one file's bytes; must resolve, never reject (validateDocument's contract). */
export type ValidateBytes = (bytes: Uint8Array, file: string) => Promise<ValidationReport>;

/**
 * Turns a validation report into the CLI's per-file result under a `--fail-on` policy.
 *
 * @example
 * toFileResult('a.xml', report, 'warning', 12).valid; // false when the report has a warning
 */
export function toFileResult(file: string, report: ValidationReport, failOn: FailOn, durationMs: number): FileResult {
  const failing = report.issues.some((i) => i.severity === 'fatal' || failOn === 'warning');
  return { file, valid: !failing, profile: report.profile.profile, issues: report.issues, unreadable: false, durationMs };
}

/**
 * The result for a path that could not be read: still reported, as a fatal `FILE-UNREADABLE` issue.
 *
 * @example
 * unreadableResult('missing.xml', 'no such file or directory').unreadable; // true
 */
export function unreadableResult(file: string, reason: string): FileResult {
  return {
    file,
    valid: false,
    profile: 'unknown',
    unreadable: true,
    durationMs: 0,
    issues: [
      {
        ruleId: 'FILE-UNREADABLE',
        severity: 'fatal',
        message: `The file could not be read: ${reason}. Check the path and the permissions.`,
        location: file,
        businessTerms: [],
        source: 'xml',
        ruleSet: 'cli',
      },
    ],
  };
}

/**
 * Renders results in the requested format.
 *
 * @example
 * render(results, 'json'); // '{ "files": [...], "summary": {...} }'
 */
export function render(results: readonly FileResult[], format: OutputFormat): string {
  switch (format) {
    case 'json':
      return formatJson(results);
    case 'junit':
      return formatJunit(results);
    case 'github':
      return formatGithub(results);
    case 'text':
      return formatText(results);
  }
}

/**
 * The exit code of a batch: 2 when a file was unreadable, else 1 when a file failed, else 0.
 *
 * @example
 * exitCode([]); // 0
 */
export function exitCode(results: readonly FileResult[]): 0 | 1 | 2 {
  if (results.some((r) => r.unreadable)) return 2;
  return results.some((r) => !r.valid) ? 1 : 0;
}

/** How to read a file; main.ts passes fs.readFile. */
export type ReadFile = (file: string) => Promise<Uint8Array>;

/**
 * Validates every expanded path with `validate`, `concurrency` files at a time, keeping the
 * input order in the results. `onProgress` is called after each file.
 *
 * @example
 * const results = await validatePaths(expandPaths(['fixtures/']), { readFile, validate, failOn: 'fatal' });
 */
export async function validatePaths(
  paths: readonly ExpandedPath[],
  deps: {
    readonly readFile: ReadFile;
    readonly validate: ValidateBytes;
    readonly failOn: FailOn;
    readonly concurrency?: number;
    readonly onProgress?: (done: number, total: number) => void;
  },
): Promise<FileResult[]> {
  const results = new Array<FileResult>(paths.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const index = next++;
      const p = paths[index];
      if (p === undefined) continue;
      if (p.kind === 'missing') {
        results[index] = unreadableResult(p.file, p.reason);
      } else {
        let bytes: Uint8Array | undefined;
        try {
          bytes = await deps.readFile(p.file);
        } catch (e) {
          results[index] = unreadableResult(p.file, e instanceof Error ? e.message : String(e));
        }
        if (bytes !== undefined) {
          const start = performance.now();
          const report = await deps.validate(bytes, p.file);
          results[index] = toFileResult(p.file, report, deps.failOn, performance.now() - start);
        }
      }
      deps.onProgress?.(++done, paths.length);
    }
  };
  const lanes = Math.max(1, Math.min(deps.concurrency ?? 1, paths.length));
  await Promise.all(Array.from({ length: lanes }, () => worker()));
  return results;
}
