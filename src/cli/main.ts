/**
 * `peppol-sb`: the only module of the package that touches the file system, stdout and the
 * process exit code.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { USAGE, parseArgs, type CompileCommand, type DetectCommand, type ValidateCommand } from './args.js';
import { expandPaths } from './files.js';
import { createWorkerPool } from './pool.js';
import { loadExtraRuleSets } from './rules.js';
import { exitCode, render, validatePaths, type ValidateBytes } from './run.js';
import { detectProfile } from '../profiles/detect.js';
import { compileToSef } from '../schematron/sef.js';
import { decodeXmlInput } from '../ubl/input.js';
import { validateDocument } from '../validate/validate.js';

declare const PACKAGE_VERSION: string | undefined;

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 16;

async function runValidate(cmd: ValidateCommand): Promise<number> {
  const paths = expandPaths(cmd.paths);
  let ruleSets;
  try {
    ruleSets = await loadExtraRuleSets(cmd.rules);
  } catch (e) {
    process.stderr.write(`peppol-sb: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const files = paths.filter((p) => p.kind === 'file').length;
  const jobs = cmd.jobs ?? (files >= MIN_FILES_FOR_WORKERS ? Math.min(availableParallelism(), 8) : 1);
  const pool = jobs > 1 && files > 1 ? createWorkerPool(new URL('./cli-worker.js', import.meta.url), Math.min(jobs, files), cmd.rules) : undefined;
  const inProcess: ValidateBytes = (bytes) => validateDocument(bytes, { ruleSets });
  const tty = process.stderr.isTTY === true;
  try {
    const results = await validatePaths(paths, {
      readFile: (f) => readFile(f),
      validate: pool?.validate ?? inProcess,
      failOn: cmd.failOn,
      concurrency: pool ? jobs * 2 : 1,
      ...(tty ? { onProgress: (done: number, total: number) => void process.stderr.write(`\rvalidating ${done}/${total}`) } : {}),
    });
    if (tty) process.stderr.write('\r\x1b[K');
    const report = render(results, cmd.format);
    if (cmd.output !== undefined) await writeFile(cmd.output, report);
    else process.stdout.write(report);
    return exitCode(results);
  } finally {
    await pool?.close();
  }
}

async function runDetect(cmd: DetectCommand): Promise<number> {
  let text: string;
  try {
    text = decodeXmlInput(await readFile(cmd.file));
  } catch (e) {
    process.stderr.write(`peppol-sb: cannot read ${cmd.file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const d = detectProfile(text);
  if (cmd.format === 'json') {
    process.stdout.write(`${JSON.stringify(d, null, 2)}\n`);
    return 0;
  }
  const lines = [
    `file:              ${cmd.file}`,
    `profile:           ${d.profile}${d.isSelfBilled ? ' (self-billed)' : ''}`,
    `root:              ${d.root || '-'}`,
    `customization id:  ${d.customizationId ?? '-'}`,
    `profile id:        ${d.profileId ?? '-'}`,
    `type code:         ${d.typeCode ?? '-'}`,
  ];
  if (d.routing) {
    lines.push(
      `document type:     ${d.routing.documentTypeId}`,
      `process:           ${d.routing.processId}`,
      `sender (buyer):    ${d.routing.sender?.participantId ?? 'missing: AccountingCustomerParty EndpointID (BT-49)'}`,
      `receiver (seller): ${d.routing.receiver?.participantId ?? 'missing: AccountingSupplierParty EndpointID (BT-34)'}`,
    );
  }
  for (const diag of d.diagnostics) lines.push(`note ${diag.code}: ${diag.message}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

async function runCompile(cmd: CompileCommand): Promise<number> {
  try {
    const sch = await readFile(cmd.input, 'utf8');
    const sef = await compileToSef(sch);
    await writeFile(cmd.output, JSON.stringify(sef));
    process.stdout.write(`compiled ${cmd.input} -> ${cmd.output}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`peppol-sb: cannot compile ${cmd.input}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

/**
 * Runs the CLI with the given arguments and returns the exit code.
 *
 * @param argv - arguments after the program name
 * @returns 0 every file passes, 1 a file fails, 2 usage error or unreadable file
 * @example
 * process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`peppol-sb: ${parsed.error}\n\n${USAGE}\n`);
    return 2;
  }
  const cmd = parsed.command;
  switch (cmd.command) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      process.stdout.write(`${typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : 'dev'}\n`);
      return 0;
    case 'validate':
      return runValidate(cmd);
    case 'detect':
      return runDetect(cmd);
    case 'compile':
      return runCompile(cmd);
  }
}
