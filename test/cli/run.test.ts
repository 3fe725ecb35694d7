import { describe, expect, it } from 'vitest';
import { exitCode, toFileResult, unreadableResult, validatePaths } from '../../src/cli/run.js';
import { fatal, report, result, warning } from './report-fixtures.js';

describe('toFileResult', () => {
  it('fails a file with a fatal issue, and with a warning only under --fail-on warning', () => {
    expect(toFileResult('a', report([fatal]), 'fatal', 1).valid).toBe(false);
    expect(toFileResult('a', report([warning]), 'fatal', 1).valid).toBe(true);
    expect(toFileResult('a', report([warning]), 'warning', 1).valid).toBe(false);
    expect(toFileResult('a', report([]), 'warning', 1).valid).toBe(true);
  });
});

describe('exitCode', () => {
  it('is 0 when all pass, 1 when one fails, 2 when one was unreadable', () => {
    expect(exitCode([result('a', [])])).toBe(0);
    expect(exitCode([result('a', []), result('b', [fatal])])).toBe(1);
    expect(exitCode([result('b', [fatal]), unreadableResult('c', 'gone')])).toBe(2);
  });
});

describe('validatePaths', () => {
  it('keeps input order, reports missing and unreadable files, and counts progress', async () => {
    const seen: string[] = [];
    const progress: number[] = [];
    const results = await validatePaths(
      [
        { kind: 'file', file: 'slow.xml' },
        { kind: 'missing', file: 'gone.xml', reason: 'no such file or directory' },
        { kind: 'file', file: 'locked.xml' },
        { kind: 'file', file: 'bad.xml' },
      ],
      {
        readFile: async (f) => {
          if (f === 'locked.xml') throw new Error('EACCES: permission denied');
          return new TextEncoder().encode(f);
        },
        validate: async (_bytes, file) => {
          if (file === 'slow.xml') await new Promise((r) => setTimeout(r, 20));
          seen.push(file);
          return report(file === 'bad.xml' ? [fatal] : []);
        },
        failOn: 'fatal',
        concurrency: 3,
        onProgress: (done) => progress.push(done),
      },
    );
    expect(results.map((r) => [r.file, r.valid, r.unreadable])).toEqual([
      ['slow.xml', true, false],
      ['gone.xml', false, true],
      ['locked.xml', false, true],
      ['bad.xml', false, false],
    ]);
    expect(results[2]?.issues[0]?.message).toContain('EACCES');
    expect(seen.indexOf('bad.xml')).toBeLessThan(seen.indexOf('slow.xml'));
    expect(progress).toEqual([1, 2, 3, 4]);
  });
});
