// Table-driven: each profile's cases.json, every case naming the clause it checks.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { evaluate } from '../engine.ts';
import { dutiesOf } from '../duties.ts';
import { workingDayDeadlines } from '../deadlines.ts';
import { PROFILES } from './index.ts';
import { QUESTION_IDS } from '../questions/index.ts';
import type { Decision } from '../types.ts';

type Case = {
  question: string;
  clause: string;
  name: string;
  on?: string;
  facts: Record<string, unknown>;
  expect: Partial<Pick<Decision, 'outcome' | 'strength' | 'decider' | 'consult' | 'route' | 'clauses' | 'needs' | 'deadline' | 'version'>> & {
    obligations?: string[];
    /** Exactly the duties a workflow carries out for this answer (duties.ts). */
    duties?: string[];
    /** Each a pattern some warning must match; an empty list means no warnings at all. */
    warnings?: string[];
  };
};

const sorted = (items: string[]) => [...items].sort();

for (const profile of PROFILES) {
  const file = path.join(import.meta.dirname, profile.id, 'cases.json');
  const cases = JSON.parse(fs.readFileSync(file, 'utf8')) as Case[];
  describe(`${profile.id}: cases`, () => {
    for (const c of cases) {
      it(`${c.question} · ${c.clause} · ${c.name}`, () => {
        const decision = evaluate(profile, c.question, c.facts, c.on ?? '2026-11-23', workingDayDeadlines);
        const { expect } = c;
        assert.equal(decision.outcome, expect.outcome, JSON.stringify(decision.explanation, null, 1));
        if (expect.strength !== undefined) assert.equal(decision.strength, expect.strength);
        if (expect.decider !== undefined) assert.equal(decision.decider, expect.decider);
        if (expect.consult) assert.deepEqual(decision.consult, expect.consult);
        if (expect.route) assert.deepEqual(decision.route, expect.route);
        if (expect.clauses) assert.deepEqual(sorted(decision.clauses), sorted(expect.clauses));
        if (expect.deadline !== undefined) assert.equal(decision.deadline, expect.deadline);
        for (const need of expect.needs ?? []) assert.ok(decision.needs.includes(need), `needs ${need}: ${decision.needs.join(', ')}`);
        if (expect.version !== undefined) assert.equal(decision.version, expect.version);
        if (expect.warnings?.length === 0) assert.deepEqual(decision.warnings, []);
        for (const pattern of expect.warnings ?? []) assert.ok(decision.warnings.some((w) => new RegExp(pattern).test(w)), `a warning matching ${pattern}: ${decision.warnings.join(' | ')}`);
        const obligationClauses = decision.obligations.flatMap((o) => o.clauses);
        for (const clause of expect.obligations ?? []) assert.ok(obligationClauses.includes(clause), `an obligation from ${clause}`);
        if (expect.duties) assert.deepEqual(sorted(dutiesOf(profile, decision).map((d) => d.duty)), sorted(expect.duties));
        assert.ok([...decision.clauses, ...obligationClauses].includes(c.clause), `the decision cites ${c.clause}: ${decision.clauses.join(', ')}`);
      });
    }
  });

  describe(`${profile.id}: coverage of the questions`, () => {
    for (const question of QUESTION_IDS) {
      const speaks = profile.rules.some((r) => r.question === question);
      it(`${question}: ${speaks ? 'at least five cases' : 'a not-covered case for the silence'}`, () => {
        const mine = cases.filter((c) => c.question === question);
        if (speaks) assert.ok(mine.length >= 5, `${mine.length} cases`);
        else assert.ok(mine.some((c) => c.expect.outcome === 'not-covered'), 'a not-covered case');
      });
    }
  });
}
