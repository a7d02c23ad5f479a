// The `nolan check` contract, shared by the CLI and the API: validate the scenario, then evaluate it.
import type { z } from 'zod';
import { evaluate, type Deadlines } from './engine.ts';
import { EngineInputError } from './errors.ts';
import { findFullProfile, PROFILES } from './profiles/index.ts';
import { findQuestion, QUESTION_IDS } from './questions/index.ts';
import type { Decision } from './types.ts';
import { workingDayDeadlines } from './deadlines.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown fact ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map(String).join(' | ')}`;
  return issue.message;
}

export function checkDate(value: string, field: string): string {
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new EngineInputError(field, `expected a date like 2026-11-23, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Validates `{question, facts}` for a profile and answers it on a date. Bad input throws EngineInputError naming the field. */
export function check(profileId: string, scenario: unknown, on: string, deadlines: Deadlines = workingDayDeadlines): Decision {
  const profile = findFullProfile(profileId);
  if (!profile) throw new EngineInputError('profile', `unknown profile ${JSON.stringify(profileId)}; expected one of ${PROFILES.map((p) => p.id).join(', ')}`);
  checkDate(on, 'on');
  if (typeof scenario !== 'object' || scenario === null || Array.isArray(scenario)) throw new EngineInputError('scenario', 'expected a JSON object with "question" and "facts"');
  const { question: questionId, facts, ...rest } = scenario as Record<string, unknown>;
  const extra = Object.keys(rest)[0];
  if (extra) throw new EngineInputError(extra, 'unexpected field; expected only "question" and "facts"');
  if (typeof questionId !== 'string') throw new EngineInputError('question', 'expected a question id string');
  const question = findQuestion(questionId);
  if (!question) throw new EngineInputError('question', `unknown question ${JSON.stringify(questionId)}; expected one of ${QUESTION_IDS.join(', ')}`);
  const parsed = question.facts.safeParse(facts ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.code === 'unrecognized_keys' ? `facts.${issue.keys[0]}` : ['facts', ...issue.path].join('.');
    throw new EngineInputError(where, describeIssue(issue));
  }
  return evaluate(profile, question.id, parsed.data as Record<string, unknown>, on, deadlines);
}
