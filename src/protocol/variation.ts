// A council's own profile, derived from a bundled one the way a reform changes a tax system:
// parameters overridden, rules added, replaced or removed — each change with its clause and adoption date.
import { EngineInputError } from './errors.ts';
import type { Parameter, ParameterValue, Profile, QuestionCoverage, Rule } from './types.ts';

type Change = { clause: string; adoptedOn: string; note?: string };

export type Variation = {
  id: string;
  name: string;
  council: string;
  version: string;
  adoptedOn: string;
  minute?: string;
  parameters?: (Change & { name: string; value: ParameterValue['value'] })[];
  add?: (Change & { rule: Rule })[];
  replace?: (Change & { id: string; rule: Rule })[];
  remove?: (Change & { id: string })[];
  questions?: (Change & { question: string; coverage: QuestionCoverage })[];
};

export type LocalChange = Change & { kind: 'parameter' | 'add' | 'replace' | 'remove' | 'question'; target: string };

function mustExist(profile: Profile, id: string, field: string): void {
  if (!profile.rules.some((r) => r.id === id)) throw new EngineInputError(field, `${profile.id} has no rule ${id}`);
}

function withValue(parameters: Parameter[], change: NonNullable<Variation['parameters']>[number]): Parameter[] {
  const value: ParameterValue = { value: change.value, clause: change.clause, from: change.adoptedOn, note: change.note };
  const existing = parameters.find((p) => p.name === change.name);
  if (!existing) return [...parameters, { name: change.name, description: change.note ?? change.name, values: [value] }];
  return parameters.map((p) => (p === existing ? { ...p, values: [...p.values, value] } : p));
}

export function deriveProfile(base: Profile, variation: Variation): Profile & { changes: LocalChange[] } {
  const changes: LocalChange[] = [];
  let rules = [...base.rules];
  for (const [i, r] of (variation.remove ?? []).entries()) {
    mustExist(base, r.id, `remove[${i}].id`);
    rules = rules.filter((rule) => rule.id !== r.id);
    changes.push({ kind: 'remove', target: r.id, clause: r.clause, adoptedOn: r.adoptedOn, note: r.note });
  }
  for (const [i, r] of (variation.replace ?? []).entries()) {
    mustExist(base, r.id, `replace[${i}].id`);
    rules = rules.map((rule) => (rule.id === r.id ? r.rule : rule));
    changes.push({ kind: 'replace', target: r.id, clause: r.clause, adoptedOn: r.adoptedOn, note: r.note });
  }
  for (const [i, r] of (variation.add ?? []).entries()) {
    if (rules.some((rule) => rule.id === r.rule.id)) throw new EngineInputError(`add[${i}].rule.id`, `${r.rule.id} already exists; replace it instead`);
    rules.push(r.rule);
    changes.push({ kind: 'add', target: r.rule.id, clause: r.clause, adoptedOn: r.adoptedOn, note: r.note });
  }
  let parameters = base.parameters;
  for (const p of variation.parameters ?? []) {
    parameters = withValue(parameters, p);
    changes.push({ kind: 'parameter', target: p.name, clause: p.clause, adoptedOn: p.adoptedOn, note: p.note });
  }
  const questions = { ...base.questions };
  for (const q of variation.questions ?? []) {
    questions[q.question] = q.coverage;
    changes.push({ kind: 'question', target: q.question, clause: q.clause, adoptedOn: q.adoptedOn, note: q.note });
  }
  return {
    ...base,
    id: variation.id,
    name: variation.name,
    council: variation.council,
    versions: [...base.versions, { version: variation.version, adoptedOn: variation.adoptedOn, minute: variation.minute, note: `local variation of ${base.id}` }],
    parameters,
    questions,
    rules,
    changes,
  };
}
