// The importer over the five protocols Nolan ships with (read from ../shared/seeds, never copied here):
// every clause is found, under the id each council cites it by.
import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { requireShared } from '../../test/support/shared.ts';
import { coverageReport, parseProtocol, type ParsedProtocol } from './importer.ts';
import { PROFILES } from './profiles/index.ts';
import type { Profile } from './types.ts';

const SEED_FILES: Record<string, string> = { model: '000_', 'bristol-2019': '001_', 'town-2026': '002_', county: '003_', 'district-section-d': '004_' };

function parseSeed(t: TestContext, profile: string): ParsedProtocol | null {
  const shared = requireShared(t);
  if (!shared) return null;
  const seeds = path.join(shared, 'seeds');
  const file = fs.readdirSync(seeds).find((name) => name.startsWith(SEED_FILES[profile]!));
  assert.ok(file, `a seed file for ${profile}`);
  return parseProtocol(fs.readFileSync(path.join(seeds, file), 'utf8'));
}

const range = (from: number, to: number, format: (n: number) => string = String) => Array.from({ length: to - from + 1 }, (_, i) => format(from + i));
const letters = (last: string, format: (l: string) => string) => range(97, last.charCodeAt(0), (c) => format(String.fromCharCode(c)));
const ids = (parsed: ParsedProtocol) => parsed.clauses.map((c) => c.id);
const clause = (parsed: ParsedProtocol, id: string) => {
  const found = parsed.clauses.find((c) => c.id === id);
  assert.ok(found, `clause ${id}`);
  return found;
};

/** Whatever the document's layout, each clause's text is clean: no stray spaces, no empty lines. */
function assertTidy(parsed: ParsedProtocol): void {
  for (const c of parsed.clauses) {
    assert.ok(c.text.length > 0, `${c.id} has text`);
    for (const line of c.text.split('\n')) assert.ok(line.length > 0 && line === line.trim() && !line.includes('  '), `${c.id}: a tidy line`);
  }
  assert.equal(new Set(ids(parsed)).size, parsed.clauses.length, 'ids are unique');
}

/** A clause with sub-items keeps their text as well. */
function assertParentsKeepTheirItems(parsed: ParsedProtocol): void {
  for (const c of parsed.clauses) {
    if (!c.parent || !(c.id.startsWith(`${c.parent}(`) || c.id.startsWith(`${c.parent} (`))) continue;
    assert.ok(clause(parsed, c.parent).text.includes(c.text.split('\n')[0]!), `${c.parent} keeps the text of ${c.id}`);
  }
}

describe('importer: the five seed protocols', () => {
  it('model: paragraphs 1 to 139, with no 76 and no 101', (t) => {
    const parsed = parseSeed(t, 'model');
    if (!parsed) return;
    const expected = range(1, 139).filter((n) => n !== '76' && n !== '101');
    assert.deepEqual(ids(parsed), expected);
    assert.equal(parsed.clauses.length, 137);
    assert.deepEqual(parsed.versions, []);
    assert.deepEqual(parsed.warnings, ['the numbering jumps from 75 to 77', 'the numbering jumps from 100 to 102']);
    // A paragraph broken by a blank line in mid-sentence is one clause; its bullets stay with it.
    assert.equal(clause(parsed, '65').text.split('\n').length, 1);
    assert.equal(clause(parsed, '125').text.split('\n').length, 8);
    assert.equal(clause(parsed, '112').heading, "Members' access to documents and information");
    assertTidy(parsed);
  });

  it('bristol-2019: 1 to 38 with lettered items, the officers\' expectations, footnotes and Guidance notes', (t) => {
    const parsed = parseSeed(t, 'bristol-2019');
    if (!parsed) return;
    const expectations = "10 (officers' expectations)";
    const expected = [
      ...range(1, 38),
      ...letters('f', (l) => `4(${l})`),
      ...letters('m', (l) => `10(${l})`),
      expectations,
      ...letters('i', (l) => `${expectations} (${l})`),
      ...letters('c', (l) => `19(${l})`),
      ...letters('c', (l) => `21(${l})`),
      ...letters('d', (l) => `25(${l})`),
      ...letters('b', (l) => `34(${l})`),
      ...letters('d', (l) => `36(${l})`),
      ...range(1, 3, (n) => `Guidance ${n}`),
      ...range(1, 4, (n) => `Guidance 1.${n}`),
      ...letters('c', (l) => `Guidance 1.3(${l})`),
      ...range(1, 5, (n) => `Guidance 2.${n}`),
      'Guidance 3.1',
      'Guidance 3.2',
      ...letters('e', (l) => `Guidance 3.2(${l})`),
      'footnote 1',
      'footnote 2',
    ];
    assert.deepEqual([...ids(parsed)].sort(), [...expected].sort());
    assert.equal(parsed.clauses.length, 107);
    assert.equal(clause(parsed, '10(f)').parent, '10');
    assert.match(clause(parsed, '10(f)').text, /7 working days/);
    assert.equal(clause(parsed, `${expectations} (i)`).parent, expectations);
    assert.equal(clause(parsed, expectations).parent, '10');
    assert.ok(clause(parsed, '10').text.includes(clause(parsed, `${expectations} (i)`).text), '10 keeps its second list');
    assert.equal(clause(parsed, 'Guidance 2.1').parent, 'Guidance 2');
    assert.equal(clause(parsed, 'Guidance 2.1').heading, clause(parsed, 'Guidance 2').text);
    // The footnote between 10(i) and 10(j) interrupts nothing.
    assert.ok(!clause(parsed, '10(i)').text.includes('Head of Paid Service'));
    assert.match(clause(parsed, 'footnote 2').text, /Monitoring Officer/);
    assert.deepEqual(parsed.warnings, ['the unnumbered paragraph after 38, at the end of its numbered clauses, is read as part of 38']);
    assertTidy(parsed);
    assertParentsKeepTheirItems(parsed);
  });

  it('town-2026: 1 to 5.3 and the seven-row version table', (t) => {
    const parsed = parseSeed(t, 'town-2026');
    if (!parsed) return;
    const expected = ['1', ...range(1, 4, (n) => `1.${n}`), '2', ...range(1, 5, (n) => `2.${n}`), '3', '3.1', '3.2', '4', '4.1', '5', '5.1', '5.2', '5.3'];
    assert.deepEqual(ids(parsed), expected);
    assert.equal(parsed.versions.length, 7);
    assert.deepEqual(parsed.versions[0], { version: '2020v1', adoptedOn: '2020-03-17', minute: '123-2020', reviewDue: '2021-03', reviewer: 'G White' });
    assert.deepEqual(parsed.versions[6], { version: '2026', adoptedOn: '2026-03-23', minute: '2026-101', reviewDue: '2027-03', reviewer: 'G White' });
    assert.deepEqual(
      parsed.versions.map((v) => [v.version, v.adoptedOn, v.minute]),
      [
        ['2020v1', '2020-03-17', '123-2020'],
        ['2021', '2021-03-25', '97-2021'],
        ['2022-03', '2022-03-24', '97-2022'],
        ['2023', '2023-03-21', '130-2023'],
        ['2024', '2024-03-19', '2024-104'],
        ['2025', '2025-03-24', '2025-110'],
        ['2026', '2026-03-23', '2026-101'],
      ],
    );
    assert.equal(clause(parsed, '2.1').parent, '2');
    assert.equal(clause(parsed, '3.1').text.split('\n').length, 12, 'the unnumbered expectations stay in 3.1');
    assert.deepEqual(parsed.warnings, []);
    assertTidy(parsed);
  });

  it('county: 1.1 to 1.13 with 1.7.1–1.7.10 and (a)/(i) sub-items such as 1.6.2(d)', (t) => {
    const parsed = parseSeed(t, 'county');
    if (!parsed) return;
    const decimal = (section: number, last: number) => [`1.${section}`, ...range(1, last, (n) => `1.${section}.${n}`)];
    const expected = [
      '1.1', '1.2', '1.3',
      ...decimal(4, 7), ...decimal(5, 5), ...decimal(6, 4), ...decimal(7, 10), ...decimal(8, 6), ...decimal(9, 3),
      '1.10', ...decimal(11, 6), ...decimal(12, 2), '1.13',
      ...letters('d', (l) => `1.6.2(${l})`), ...letters('c', (l) => `1.6.3(${l})`), ...letters('b', (l) => `1.6.4(${l})`),
      ...letters('d', (l) => `1.8.1(${l})`), '1.8.1(d)(i)', '1.8.1(d)(ii)',
      ...letters('f', (l) => `1.11.2(${l})`), '1.11.2(c)(i)', '1.11.2(c)(ii)',
    ];
    assert.deepEqual([...ids(parsed)].sort(), [...expected].sort());
    assert.equal(parsed.clauses.length, 79);
    // Wrapped across lines and a page break, with stray spaces: one clean paragraph.
    const deadline = clause(parsed, '1.7.2');
    assert.equal(deadline.parent, '1.7');
    assert.equal(deadline.text.split('\n').length, 1);
    assert.match(deadline.text, /within \[five\] working days/);
    assert.equal(clause(parsed, '1.6.2(d)').parent, '1.6.2');
    assert.equal(clause(parsed, '1.6.2(d)').heading, 'Undue Pressure');
    assert.equal(clause(parsed, '1.8.1(d)(ii)').parent, '1.8.1(d)');
    assert.deepEqual(parsed.warnings, []);
    assertTidy(parsed);
    assertParentsKeepTheirItems(parsed);
  });

  it('district-section-d: 1.1 to 5.3, bulleted, with 2.7(3)', (t) => {
    const parsed = parseSeed(t, 'district-section-d');
    if (!parsed) return;
    const expected = [
      '1', ...range(1, 4, (n) => `1.${n}`),
      '2', ...range(1, 10, (n) => `2.${n}`), ...range(1, 4, (n) => `2.7(${n})`),
      '3', '3.1', '4', '4.1', '4.1(1)', '4.1(2)', '4.2', '5', '5.1', '5.2', '5.3',
    ];
    assert.deepEqual([...ids(parsed)].sort(), [...expected].sort());
    assert.equal(parsed.clauses.length, 31);
    assert.equal(clause(parsed, '2.7(3)').parent, '2.7');
    assert.equal(clause(parsed, '2.2').text.split('\n').length, 1, 'the page break inside 2.2 is joined');
    assert.deepEqual(parsed.warnings, []);
    assertTidy(parsed);
    assertParentsKeepTheirItems(parsed);
  });
});

/** Every clause id a profile cites: in its rules, its parameters and the nearest clauses of its silences. */
function citedBy(profile: Profile): string[] {
  return [
    ...profile.rules.flatMap((r) => r.clauses),
    ...profile.parameters.flatMap((p) => p.values.map((v) => v.clause)),
    ...Object.values(profile.questions).flatMap((q) => q.nearest),
  ];
}

describe('importer: the bundled profiles against their protocols', () => {
  for (const profile of PROFILES) {
    it(`every clause ${profile.id} cites exists in its protocol`, (t) => {
      assert.ok(SEED_FILES[profile.id], `a seed for ${profile.id}`);
      const parsed = parseSeed(t, profile.id);
      if (!parsed) return;
      assert.deepEqual(coverageReport(parsed, citedBy(profile)).missing, []);
    });
  }

  it('reports what a profile cites, leaves out and gets wrong', (t) => {
    const parsed = parseSeed(t, 'county');
    if (!parsed) return;
    const report = coverageReport(parsed, ['1.7.2', '1.6.2(d)', '1.14']);
    assert.deepEqual(report.cited, ['1.6.2(d)', '1.7.2']);
    assert.deepEqual(report.missing, ['1.14']);
    for (const id of ['1.6.2(a)', '1.6.2(c)', '1.7.5', '1.8.1']) assert.ok(report.uncited.includes(id), `${id} is uncited`);
    for (const id of ['1.6.2', '1.6.2(d)', '1.7', '1.7.2', '1.4']) assert.ok(!report.uncited.includes(id), `${id} is not listed`);
  });
});
