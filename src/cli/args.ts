/**
 * Command-line parsing for `peppol-sb`, pure: argv in, a typed command or a usage error out.
 */

/** Output formats of `peppol-sb validate`. */
export type OutputFormat = 'text' | 'json' | 'junit' | 'github';
/** Which severity makes a file fail. */
export type FailOn = 'fatal' | 'warning';

/** `peppol-sb validate <paths...>` */
export interface ValidateCommand {
  readonly command: 'validate';
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly failOn: FailOn;
  readonly rules: readonly string[];
  /** Worker threads; undefined lets the CLI choose from the batch size and cores. */
  readonly jobs: number | undefined;
  /** Where `junit` output goes; stdout when undefined. */
  readonly output: string | undefined;
}
/** `peppol-sb detect <file>` */
export interface DetectCommand {
  readonly command: 'detect';
  readonly file: string;
  readonly format: 'text' | 'json';
}
/** `peppol-sb compile <in.sch> -o <out.sef.json>` */
export interface CompileCommand {
  readonly command: 'compile';
  readonly input: string;
  readonly output: string;
}
/** `peppol-sb help` / `--version` */
export interface InfoCommand {
  readonly command: 'help' | 'version';
}
/** Any command the CLI understands. */
export type Command = ValidateCommand | DetectCommand | CompileCommand | InfoCommand;

/** The result of reading argv: a command, or a usage error to print with exit code 2. */
export type ParsedArgs = { readonly ok: true; readonly command: Command } | { readonly ok: false; readonly error: string };

/** The usage text printed by `peppol-sb help` and after usage errors. */
export const USAGE = `peppol-sb — Peppol BIS Self-Billing 3.0 tools

Usage:
  peppol-sb validate <files|dirs|globs...> [options]
      --format text|json|junit|github   output format (default: text)
      --fail-on fatal|warning           which severity fails a file (default: fatal)
      --rules <file.sch|file.sef.json>  an extra rule set (repeatable)
      --jobs <N>                        worker threads (default: chosen from batch size and cores)
      -o, --output <file>               write the report to a file instead of stdout
  peppol-sb detect <file> [--format text|json]
      print the detected profile and, for self-billing, the Peppol routing
  peppol-sb compile <in.sch> -o <out.sef.json>
      compile your own Schematron rule set for --rules
  peppol-sb help | --version

Exit codes: 0 every file passes, 1 a file fails, 2 usage error or unreadable file.`;

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'junit', 'github'];

/**
 * Reads `process.argv.slice(2)` into a command.
 *
 * @param argv - the arguments after the program name
 * @returns the command, or `{ ok: false, error }` with a message naming the bad argument
 * @example
 * parseArgs(['validate', 'fixtures/', '--format', 'json']);
 * // { ok: true, command: { command: 'validate', paths: ['fixtures/'], format: 'json', ... } }
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return { ok: true, command: { command: 'help' } };
  if (name === '--version' || name === '-v' || name === 'version') return { ok: true, command: { command: 'version' } };

  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (arg === '--') {
      positional.push(...rest.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg !== '-') {
      const eq = arg.indexOf('=');
      const key = eq > 0 ? arg.slice(0, eq) : arg;
      const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (value === undefined) return { ok: false, error: `option ${key} needs a value` };
      flags.set(key, [...(flags.get(key) ?? []), value]);
    } else {
      positional.push(arg);
    }
  }
  const one = (...keys: string[]): string | undefined => {
    for (const k of keys) {
      const v = flags.get(k);
      if (v !== undefined) return v[v.length - 1];
    }
    return undefined;
  };
  const allowed = (keys: readonly string[]): string | undefined => {
    const unknown = [...flags.keys()].find((k) => !keys.includes(k));
    return unknown === undefined ? undefined : `unknown option ${unknown} for "${name}"`;
  };

  switch (name) {
    case 'validate': {
      const bad = allowed(['--format', '--fail-on', '--rules', '--jobs', '-o', '--output']);
      if (bad) return { ok: false, error: bad };
      if (positional.length === 0) return { ok: false, error: 'validate needs at least one file, directory or glob' };
      const format = one('--format') ?? 'text';
      if (!FORMATS.includes(format as OutputFormat)) return { ok: false, error: `--format must be one of ${FORMATS.join(', ')}, not "${format}"` };
      const failOn = one('--fail-on') ?? 'fatal';
      if (failOn !== 'fatal' && failOn !== 'warning') return { ok: false, error: `--fail-on must be fatal or warning, not "${failOn}"` };
      const jobsText = one('--jobs');
      let jobs: number | undefined;
      if (jobsText !== undefined) {
        if (!/^[1-9]\d{0,2}$/.test(jobsText)) return { ok: false, error: `--jobs must be a whole number from 1 to 999, not "${jobsText}"` };
        jobs = Number(jobsText);
      }
      return {
        ok: true,
        command: { command: 'validate', paths: positional, format: format as OutputFormat, failOn, rules: flags.get('--rules') ?? [], jobs, output: one('-o', '--output') },
      };
    }
    case 'detect': {
      const bad = allowed(['--format']);
      if (bad) return { ok: false, error: bad };
      const [file, extra] = positional;
      if (file === undefined || extra !== undefined) return { ok: false, error: 'detect takes exactly one file' };
      const format = one('--format') ?? 'text';
      if (format !== 'text' && format !== 'json') return { ok: false, error: `detect --format must be text or json, not "${format}"` };
      return { ok: true, command: { command: 'detect', file, format } };
    }
    case 'compile': {
      const bad = allowed(['-o', '--output']);
      if (bad) return { ok: false, error: bad };
      const [input, extra] = positional;
      const output = one('-o', '--output');
      if (input === undefined || extra !== undefined) return { ok: false, error: 'compile takes exactly one .sch file' };
      if (output === undefined) return { ok: false, error: 'compile needs -o <out.sef.json>' };
      return { ok: true, command: { command: 'compile', input, output } };
    }
    default:
      return { ok: false, error: `unknown command "${name}"` };
  }
}
