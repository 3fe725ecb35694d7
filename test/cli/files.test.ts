import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandPaths, globToRegExp } from '../../src/cli/files.js';

describe('globToRegExp', () => {
  it('matches * within one directory, ? as one character and **/ across directories', () => {
    expect(globToRegExp('a/*.xml').test('a/b.xml')).toBe(true);
    expect(globToRegExp('a/*.xml').test('a/b/c.xml')).toBe(false);
    expect(globToRegExp('a/**/*.xml').test('a/c.xml')).toBe(true);
    expect(globToRegExp('a/**/*.xml').test('a/b/c/d.xml')).toBe(true);
    expect(globToRegExp('a/?.xml').test('a/bb.xml')).toBe(false);
    expect(globToRegExp('a.b/*.xml').test('aXb/c.xml')).toBe(false);
  });
});

describe('expandPaths', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'peppol-sb-files-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.xml'), '<a/>');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    writeFileSync(join(dir, 'sub', 'b.XML'), '<b/>');
    mkdirSync(join(dir, 'empty'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('walks directories recursively for .xml files in a stable order', () => {
    expect(expandPaths([dir])).toEqual([
      { kind: 'file', file: join(dir, 'a.xml') },
      { kind: 'file', file: join(dir, 'sub', 'b.XML') },
    ]);
  });

  it('takes a named file whatever its extension and lists it once', () => {
    const f = join(dir, 'notes.txt');
    expect(expandPaths([f, f])).toEqual([{ kind: 'file', file: f }]);
  });

  it('expands globs', () => {
    expect(expandPaths([`${dir}/**/*.xml`]).map((p) => p.file)).toEqual([join(dir, 'a.xml')]);
    expect(expandPaths([`${dir}/*.txt`]).map((p) => p.file)).toEqual([join(dir, 'notes.txt')]);
  });

  it('reports missing paths, empty directories and globs without match instead of dropping them', () => {
    expect(expandPaths([join(dir, 'nope.xml')])).toEqual([{ kind: 'missing', file: join(dir, 'nope.xml'), reason: 'no such file or directory' }]);
    expect(expandPaths([join(dir, 'empty')])[0]?.kind).toBe('missing');
    expect(expandPaths([`${dir}/*.json`])[0]?.kind).toBe('missing');
  });
});
