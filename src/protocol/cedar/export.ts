// A profile's rules as Cedar policies: the second opinion the tests and the benchmark ask (DESIGN.md), never on
// the request path. Pure string building: no I/O, and nothing here loads Cedar.
//
// The mapping. Cedar has two effects and a default deny; Nolan has four effects and two defaults.
// - forbid ⇒ Cedar forbid: in both, a forbid that holds overrides everything.
// - permit, refer, require ⇒ Cedar permit: each lets the action go ahead when no forbid holds. A referral is a
//   permit whose deciding is passed to an officer, and an obligation that holds on its own still answers the
//   question (an enquiry's deadline is a `require` and nothing else). `@effect` keeps Nolan's own effect.
// - No rule holds: on a closed list (the protocol names the only allowed cases) Nolan forbids and Cedar denies
//   by default; elsewhere Nolan says not-covered and Cedar denies with no determining policy. The two are told
//   apart by the Cedar response's list of determining policies (empty for a default deny).
// Facts become context attributes, the action is the question id, and principal and resource are fixed.
import type { Condition, Facts, FactTest, Profile, Rule } from '../types.ts';

export type CedarEntity = { type: string; id: string };
export type CedarValue = boolean | number | string | CedarValue[];

/** Who asks and about what do not change the answer: the facts carry the whole scenario. */
export const ASKER: CedarEntity = { type: 'Nolan::Asker', id: 'asker' };
export const MATTER: CedarEntity = { type: 'Nolan::Matter', id: 'matter' };

export function cedarAction(question: string): CedarEntity {
  return { type: 'Nolan::Action', id: question };
}

export type CedarPolicy = { id: string; rule: Rule; text: string };

// Cedar's identifiers, less its reserved words; anything else is read with context["…"].
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED = new Set(['true', 'false', 'if', 'then', 'else', 'in', 'is', 'like', 'has', '__cedar']);

/** A Cedar string literal. */
export function cedarString(value: string): string {
  const escaped = [...value]
    .map((ch) => {
      if (ch === '\\') return '\\\\';
      if (ch === '"') return '\\"';
      const code = ch.codePointAt(0)!;
      return code < 0x20 || code === 0x7f ? `\\u{${code.toString(16)}}` : ch;
    })
    .join('');
  return `"${escaped}"`;
}

function attribute(fact: string): string {
  return IDENTIFIER.test(fact) && !RESERVED.has(fact) ? `context.${fact}` : `context[${cedarString(fact)}]`;
}

// `==` rather than a bare boolean: Nolan's test is strict equality, and so is Cedar's `==` across types.
function factTest(fact: string, expected: FactTest): string {
  if (typeof expected === 'boolean') return `${attribute(fact)} == ${String(expected)}`;
  if (typeof expected === 'string') return `${attribute(fact)} == ${cedarString(expected)}`;
  return `[${expected.map(cedarString).join(', ')}].contains(${attribute(fact)})`;
}

function conditionText(when: Condition): string | null {
  const tests = Object.entries(when).map(([fact, expected]) => factTest(fact, expected));
  return tests.length ? tests.join(' && ') : null;
}

/** The policy id Cedar names as determining: question and rule, since a rule id need only be unique in its question. */
export function policyId(rule: Rule): string {
  return `${rule.question}/${rule.id}`;
}

export function policyText(rule: Rule): string {
  const effect = rule.effect === 'forbid' ? 'forbid' : 'permit';
  const condition = conditionText(rule.when);
  return [
    `@id(${cedarString(rule.id)})`,
    `@question(${cedarString(rule.question)})`,
    `@effect(${cedarString(rule.effect)})`,
    `@strength(${cedarString(rule.strength)})`,
    `@clauses(${cedarString(rule.clauses.join(', '))})`,
    `${effect} (`,
    `  principal == ${ASKER.type}::${cedarString(ASKER.id)},`,
    `  action == Nolan::Action::${cedarString(rule.question)},`,
    `  resource == ${MATTER.type}::${cedarString(MATTER.id)}`,
    condition === null ? ');' : `)\nwhen { ${condition} };`,
  ].join('\n');
}

export function cedarPolicies(profile: Profile): CedarPolicy[] {
  const seen = new Map<string, number>();
  return profile.rules.map((rule) => {
    const base = policyId(rule);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { id: count === 1 ? base : `${base}#${count}`, rule, text: policyText(rule) };
  });
}

/** The policy set as Cedar's JSON interface takes it: policy id → policy text. */
export function cedarPolicySet(profile: Profile): Record<string, string> {
  return Object.fromEntries(cedarPolicies(profile).map((p) => [p.id, p.text]));
}

/** The whole profile as one Cedar file, for reading beside the protocol. */
export function cedarPolicyFile(profile: Profile): string {
  const header = `// ${profile.name} (${profile.id}): ${profile.rules.length} rules exported from Nolan`;
  return [header, ...cedarPolicies(profile).map((p) => p.text)].join('\n\n') + '\n';
}

function contextValue(fact: string, value: unknown): CedarValue {
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (Array.isArray(value)) return value.map((item, i) => contextValue(`${fact}[${i}]`, item));
  throw new TypeError(`${fact}: Cedar's context takes booleans, strings, whole numbers and lists of them`);
}

/** The facts as Cedar's request context; an unknown fact (undefined or null) is left out, as Nolan leaves it. */
export function cedarContext(facts: Facts): Record<string, CedarValue> {
  const context: Record<string, CedarValue> = {};
  for (const [fact, value] of Object.entries(facts)) {
    if (value !== undefined && value !== null) context[fact] = contextValue(fact, value);
  }
  return context;
}
