// The second opinion (DESIGN.md; issue 4, "Proof"): every bundled profile's rules, exported to Cedar, give the
// same answer as Nolan's engine on generated scenarios with every fact known — at least 5,000 per profile.
// Nolan forbid ⇔ Cedar deny by a forbid (or by default on a closed list); permit or refer ⇔ allow;
// not-covered ⇔ deny with no determining policy. fast-check prints the first disagreement, shrunk, with its seed
// (set NOLAN_FC_SEED to replay one).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { z } from 'zod';
import { evaluate } from '../engine.ts';
import { PROFILES } from '../profiles/index.ts';
import { QUESTIONS, findQuestion } from '../questions/index.ts';
import type { Profile } from '../types.ts';
import { agreementFor, askOn, nolanVerdict } from './agreement.ts';
import { cedarFor } from './cedar.test-support.ts';
import type { CedarProfile } from './cedar.test-support.ts';
import { runsFor, scenariosFor } from './scenarios.test-support.ts';

const AT_LEAST = 5000;
const seed = process.env.NOLAN_FC_SEED ? Number(process.env.NOLAN_FC_SEED) : undefined;

/** Rules that test a fact their question lacks, or a value its schema refuses, could never agree by accident. */
function ruleProblems(profile: Profile): string[] {
  return profile.rules.flatMap((rule) => {
    const question = findQuestion(rule.question);
    if (!question) return [`${rule.id}: no question ${rule.question}`];
    const shape = question.facts.shape as Record<string, z.ZodType>;
    return Object.entries(rule.when).flatMap(([fact, expected]) => {
      const schema = shape[fact];
      if (!schema) return [`${rule.id}: ${rule.question} has no fact ${fact}`];
      const values = Array.isArray(expected) ? expected : [expected];
      return values.filter((v) => !schema.safeParse(v).success).map((v) => `${rule.id}: ${fact} is never ${JSON.stringify(v)}`);
    });
  });
}

for (const profile of PROFILES) {
  describe(`${profile.id}: Cedar agrees with Nolan`, () => {
    let cedar: CedarProfile | undefined;
    const cedarProfile = () => (cedar ??= cedarFor(profile));
    const agree = agreementFor(profile);
    const on = askOn(profile);
    let scenarios = 0;
    const verdicts = new Map<string, number>();

    it('every rule tests a fact of its question against a value that fact can take', () => {
      assert.deepEqual(ruleProblems(profile), []);
    });

    it('the exported policies parse in Cedar', () => {
      assert.ok(cedarProfile());
    });

    for (const question of QUESTIONS) {
      const rules = profile.rules.filter((r) => r.question === question.id);
      const source = scenariosFor(question, rules);
      const runs = runsFor(source);
      it(`${question.id}: ${runs} scenarios, ${rules.length} ${rules.length === 1 ? 'rule' : 'rules'}`, () => {
        const ask = cedarProfile();
        fc.assert(
          fc.property(source.arbitrary, (facts) => {
            scenarios += 1;
            const parsed = question.facts.safeParse(facts);
            if (!parsed.success) throw new Error(`generated facts the question refuses: ${JSON.stringify(facts)}: ${parsed.error.message}`);
            const decision = evaluate(profile, question.id, facts, on);
            const verdict = nolanVerdict(decision) ?? decision.outcome;
            verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1);
            const problem = agree({ question: question.id, facts }, decision, ask.decide(question.id, facts));
            if (problem) throw new Error(problem);
          }),
          { numRuns: runs, seed },
        );
      });
    }

    it(`at least ${AT_LEAST.toLocaleString('en-GB')} scenarios in all`, (t) => {
      t.diagnostic(`${scenarios} scenarios: ${[...verdicts].map(([v, n]) => `${n} ${v}`).join(', ')}`);
      assert.ok(scenarios >= AT_LEAST, `${scenarios} scenarios`);
    });
  });
}
