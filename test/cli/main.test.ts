import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.js';

const examples = resolve(process.cwd(), '../shared/peppol-sb/examples');
const base = join(examples, 'SB-base-example.xml');

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    const code = await main(argv);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'peppol-sb-cli-'));
  copyFileSync(base, join(dir, 'good.xml'));
  writeFileSync(join(dir, 'broken.xml'), '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><cbc:ID>');
  writeFileSync(join(dir, 'no-profile.xml'), readFileSync(base, 'utf8').replace(/<cbc:ProfileID>[^<]*<\/cbc:ProfileID>/, ''));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('main validate', () => {
  it('exits 0 and says PASS when every file passes', async () => {
    const r = await run(['validate', join(dir, 'good.xml')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^PASS .*good\.xml \(peppol-selfbilling-3\.0\)/m);
  });

  it('exits 1 when a file fails and names the rule, business term and location', async () => {
    const r = await run(['validate', join(dir, 'no-profile.xml')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/fatal\s+PEPPOL-EN16931-R001 \[BT-23\] at \/Invoice\[1\]/);
  });

  it('reports malformed XML with line and column', async () => {
    const r = await run(['validate', join(dir, 'broken.xml'), '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { files: { issues: { ruleId: string; location: string }[] }[] };
    expect(json.files[0]?.issues[0]?.ruleId).toBe('XML-SYNTAX');
    expect(json.files[0]?.issues[0]?.location).toMatch(/^line \d+, column \d+$/);
  });

  it('exits 2 for an unreadable path but still reports the other files', async () => {
    const r = await run(['validate', join(dir, 'good.xml'), join(dir, 'missing.xml'), '--format', 'json']);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out) as { summary: Record<string, number> };
    expect(json.summary).toEqual({ files: 2, valid: 1, invalid: 1, fatal: 1, warnings: 0 });
  });

  it('exits 2 with the usage text on a usage error', async () => {
    const r = await run(['validate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Usage:');
  });

  it('writes a JUnit report to the file given with -o', async () => {
    const out = join(dir, 'report.xml');
    const r = await run(['validate', dir, '--format', 'junit', '-o', out]);
    expect(r.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toMatch(/<testsuites name="peppol-sb" tests="3" failures="2"/);
  });

  it('runs an extra Schematron rule set given with --rules', async () => {
    const sch = join(dir, 'house.sch');
    writeFileSync(
      sch,
      `<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
        <ns prefix="cbc" uri="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"/>
        <pattern id="house"><rule context="cbc:BuyerReference">
          <assert id="HOUSE-01" flag="warning" test="starts-with(., 'PO-')">Our buyer references (BT-10) start with PO-.</assert>
        </rule></pattern></schema>`,
    );
    const r = await run(['validate', join(dir, 'good.xml'), '--rules', sch, '--fail-on', 'warning', '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { files: { issues: { ruleId: string; ruleSet: string; businessTerms: string[] }[] }[] };
    expect(json.files[0]?.issues).toContainEqual(expect.objectContaining({ ruleId: 'HOUSE-01', ruleSet: 'house', businessTerms: ['BT-10'] }));
  });

  it('exits 2 when an extra rule set does not compile', async () => {
    const sch = join(dir, 'bad.sch');
    writeFileSync(sch, '<schema xmlns="http://purl.oclc.org/dsdl/schematron"><pattern><rule><assert test="1">x</assert></rule></pattern></schema>');
    const r = await run(['validate', join(dir, 'good.xml'), '--rules', sch]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad.sch');
  });
});

describe('main detect', () => {
  it('prints the profile and the Peppol routing of a self-billed invoice', async () => {
    const r = await run(['detect', base]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('peppol-selfbilling-3.0 (self-billed)');
    expect(r.out).toMatch(/sender \(buyer\):\s+iso6523-actorid-upis::0002:FR23342/);
    expect(r.out).toMatch(/receiver \(seller\):\s+iso6523-actorid-upis::0088:9482348239847239874/);
  });
});

describe('main compile', () => {
  it('compiles a Schematron file to a SEF file that --rules accepts', async () => {
    const sch = join(dir, 'c.sch');
    const sef = join(dir, 'c.sef.json');
    writeFileSync(
      sch,
      `<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
        <ns prefix="cbc" uri="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"/>
        <pattern id="c"><rule context="cbc:ID"><report id="C-01" flag="warning" test="true()">Invoice number (BT-1) seen.</report></rule></pattern></schema>`,
    );
    expect((await run(['compile', sch, '-o', sef])).code).toBe(0);
    const r = await run(['validate', join(dir, 'good.xml'), '--rules', sef, '--format', 'json']);
    expect(r.out).toContain('"C-01"');
  });
});

describe('the peppol-sb bin (built)', () => {
  it('validates a batch in worker threads with --jobs 2 and keeps the file order', () => {
    const batch = mkdtempSync(join(tmpdir(), 'peppol-sb-batch-'));
    try {
      for (let i = 0; i < 20; i++) copyFileSync(base, join(batch, `${String(i).padStart(2, '0')}.xml`));
      writeFileSync(join(batch, '99-broken.xml'), '<Invoice');
      let out = '';
      let code = 0;
      try {
        out = execFileSync(process.execPath, [resolve('bin/peppol-sb.js'), 'validate', batch, '--jobs', '2', '--format', 'json'], { encoding: 'utf8' });
      } catch (e) {
        const err = e as { status: number; stdout: string };
        code = err.status;
        out = err.stdout;
      }
      expect(code).toBe(1);
      const json = JSON.parse(out) as { files: { file: string; valid: boolean }[]; summary: Record<string, number> };
      expect(json.summary).toMatchObject({ files: 21, valid: 20, invalid: 1 });
      expect(json.files.map((f) => f.file)).toEqual([...json.files.map((f) => f.file)].sort());
    } finally {
      rmSync(batch, { recursive: true, force: true });
    }
  });
});
