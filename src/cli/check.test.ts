import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../test/support/process.ts';

function nolan(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'bin/nolan.js'), ...args], { cwd: projectRoot, input, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('nolan check', () => {
  it('answers a scenario from a file with the documented fields, exit 0', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nolan-check-')), 'scenario.json');
    fs.writeFileSync(file, JSON.stringify({ question: 'member-instruction', facts: { basis: 'none' } }));
    const result = nolan(['check', '--profile', 'model', '--on', '2026-11-23', file]);
    assert.equal(result.status, 0, result.stderr);
    const decision = JSON.parse(result.stdout);
    assert.deepEqual(Object.keys(decision), ['profile', 'version', 'warnings', 'question', 'outcome', 'strength', 'decider', 'consult', 'route', 'obligations', 'deadline', 'needs', 'clauses', 'explanation']);
    assert.equal(decision.outcome, 'forbid');
    assert.deepEqual(decision.clauses, ['30']);
  });

  it('reads standard input with -, and reports missing facts as needs-facts', () => {
    const result = nolan(['check', '--profile', 'model', '-'], JSON.stringify({ question: 'scrutiny-attendance', facts: { officerGrade: 'director' } }));
    assert.equal(result.status, 0, result.stderr);
    const decision = JSON.parse(result.stdout);
    assert.equal(decision.outcome, 'needs-facts');
    assert.deepEqual(decision.needs.sort(), ['aboutOfficerConduct', 'politicalViewsSought']);
  });

  it('exits 2 with one line naming the field, and prints nothing on stdout', () => {
    const cases: [string[], string | undefined, RegExp][] = [
      [['check', '-'], '{}', /profile: --profile <id> is required/],
      [['check', '--profile', 'nowhere', '-'], '{"question":"resource-use","facts":{}}', /profile: unknown profile "nowhere"/],
      [['check', '--profile', 'model', '-'], 'not json', /file: - is not valid JSON/],
      [['check', '--profile', 'model', '-'], '{"question":"weather","facts":{}}', /question: unknown question "weather"/],
      [['check', '--profile', 'model', '-'], '{"question":"resource-use","facts":{"use":"party"}}', /facts\.use: expected one of council \| ward/],
      [['check', '--profile', 'model', '-'], '{"question":"resource-use","facts":{"colour":"red"}}', /facts\.colour: unknown fact colour/],
      [['check', '--profile', 'model', '-'], '{"question":"correspondence","facts":{"blindCopy":"yes"}}', /facts\.blindCopy: .*expected boolean/],
      [['check', '--profile', 'model', '--on', '23/11/2026', '-'], '{"question":"resource-use","facts":{}}', /on: expected a date like 2026-11-23/],
      [['check', '--profile', 'model', '/no/such/file.json'], undefined, /file: cannot read/],
    ];
    for (const [args, input, message] of cases) {
      const result = nolan(args, input);
      assert.equal(result.status, 2, `${args.join(' ')} ${input}: ${result.stderr}`);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1, 'one line');
      assert.equal(result.stdout, '');
    }
  });

  it('lists profiles and questions as JSON', () => {
    const profiles = JSON.parse(nolan(['profiles']).stdout) as { id: string }[];
    assert.ok(profiles.some((p) => p.id === 'model'));
    const questions = JSON.parse(nolan(['questions']).stdout) as { id: string; facts: { properties: Record<string, unknown> } }[];
    assert.equal(questions.length, 12);
    assert.ok(questions.find((q) => q.id === 'document-access')?.facts.properties.classification);
  });
});
