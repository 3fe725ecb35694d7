/**
 * Official unit tests (../shared/peppol-sb/unit-tests) that our rules knowingly disagree with,
 * because the test is stale against the release we implement (Peppol BIS Self-Billing 3.0.2,
 * CEN validation artefacts 1.3.16). Key: testSet file basename + '#' + 1-based test index, for
 * example 'PEPPOL-EN16931-R040.xml#3'; value: why the test is stale.
 *
 * The conformance runners still run every listed test and expect it to DISAGREE: a listed test
 * that agrees fails the suite, so an entry cannot outlive the difference it explains. Keep the
 * list as short as possible.
 */
export const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {
  'PEPPOL-COMMON-R042.xml#7':
    'The unit tests date from release 3.0.0, where a Danish CVR (0184) had to be DK + 8 digits; the 3.0.2 artefact also accepts 8 digits alone (12345678 here), and we follow 3.0.2 (docs/decisions/agreement.md).',
};

/**
 * Key of an official test in {@link KNOWN_DIFFERENCES}.
 *
 * @param file Path or basename of the testSet file.
 * @param index 0-based index of the test in the file.
 * @returns `<basename>#<1-based index>`.
 *
 * @example
 * knownDifferenceKey('/x/PEPPOL-EN16931-R040.xml', 2); // 'PEPPOL-EN16931-R040.xml#3'
 */
export function knownDifferenceKey(file: string, index: number): string {
  return `${file.split(/[\\/]/).pop() ?? file}#${index + 1}`;
}
