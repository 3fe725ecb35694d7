import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';

describe('parseArgs', () => {
  it('reads validate with paths and defaults text output failing on fatal issues', () => {
    expect(parseArgs(['validate', 'a.xml', 'dir/'])).toEqual({
      ok: true,
      command: { command: 'validate', paths: ['a.xml', 'dir/'], format: 'text', failOn: 'fatal', rules: [], jobs: undefined, output: undefined },
    });
  });

  it('reads every validate option, in both --key value and --key=value form', () => {
    const r = parseArgs(['validate', 'x', '--format=junit', '--fail-on', 'warning', '--rules', 'a.sch', '--rules=b.sef.json', '--jobs', '2', '-o', 'out.xml']);
    expect(r).toEqual({
      ok: true,
      command: { command: 'validate', paths: ['x'], format: 'junit', failOn: 'warning', rules: ['a.sch', 'b.sef.json'], jobs: 2, output: 'out.xml' },
    });
  });

  it('refuses unknown formats, policies, job counts and options with a message naming them', () => {
    expect(parseArgs(['validate', 'x', '--format', 'xml'])).toEqual({ ok: false, error: expect.stringContaining('"xml"') });
    expect(parseArgs(['validate', 'x', '--fail-on', 'info'])).toEqual({ ok: false, error: expect.stringContaining('"info"') });
    expect(parseArgs(['validate', 'x', '--jobs', '0'])).toEqual({ ok: false, error: expect.stringContaining('--jobs') });
    expect(parseArgs(['validate', 'x', '--jobs', 'two'])).toEqual({ ok: false, error: expect.stringContaining('--jobs') });
    expect(parseArgs(['validate', 'x', '--color'])).toEqual({ ok: false, error: expect.stringContaining('--color') });
  });

  it('refuses validate without paths and options without values', () => {
    expect(parseArgs(['validate']).ok).toBe(false);
    expect(parseArgs(['validate', 'x', '--format'])).toEqual({ ok: false, error: 'option --format needs a value' });
  });

  it('reads detect and compile', () => {
    expect(parseArgs(['detect', 'a.xml', '--format', 'json'])).toEqual({ ok: true, command: { command: 'detect', file: 'a.xml', format: 'json' } });
    expect(parseArgs(['compile', 'r.sch', '-o', 'r.sef.json'])).toEqual({ ok: true, command: { command: 'compile', input: 'r.sch', output: 'r.sef.json' } });
    expect(parseArgs(['compile', 'r.sch']).ok).toBe(false);
    expect(parseArgs(['detect']).ok).toBe(false);
  });

  it('treats no arguments and --help as help, and reports unknown commands', () => {
    expect(parseArgs([])).toEqual({ ok: true, command: { command: 'help' } });
    expect(parseArgs(['--help'])).toEqual({ ok: true, command: { command: 'help' } });
    expect(parseArgs(['--version'])).toEqual({ ok: true, command: { command: 'version' } });
    expect(parseArgs(['lint'])).toEqual({ ok: false, error: 'unknown command "lint"' });
  });
});
