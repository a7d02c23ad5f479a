// The engine's vocabulary: profiles, rules, decisions. Pure data and types; no I/O, no clock.

export const OUTCOMES = ['permit', 'forbid', 'refer', 'not-covered', 'needs-facts'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The protocol's own force: "must", "should", or "will normally" — never strengthened. */
export type Strength = 'must' | 'should' | 'normally';

export type Effect = 'permit' | 'forbid' | 'refer' | 'require';

/** Who decides, who is consulted, and the stages of a complaint route (DESIGN.md's ids). */
export const PARTIES = [
  'chief-executive',
  'monitoring-officer',
  'chief-finance-officer',
  'proper-officer',
  'responsible-financial-officer',
  'line-manager',
  'head-of-service',
  'director',
  'chief-officer',
  'group-leader',
  'council-chairman',
  'cabinet-leader',
  'committee-chair',
  'employment-committee-chair',
  'standards-committee',
  'independent-person',
  'principal-council-monitoring-officer',
  'disciplinary-procedure',
  'grievance-procedure',
  'informal-resolution',
] as const;
export type Party = (typeof PARTIES)[number];

export type Nation = 'england-and-wales' | 'scotland' | 'northern-ireland';

export type Facts = Record<string, unknown>;

/** One test on one fact: equal to a value, or one of several. */
export type FactTest = boolean | string | readonly string[];

/** A rule's condition: every listed fact passes its test (a conjunction). Alternatives are separate rules. */
export type Condition = Readonly<Record<string, FactTest>>;

/**
 * What a workflow does to carry out an obligation, so that it is done and recorded rather than only shown. Each
 * is named for what the clause asks, not for how Nolan does it.
 */
export const DUTIES = [
  // The other groups are told that the officer attended, naming no subject unless the group consents.
  'tell-other-groups-of-attendance',
  // The other groups are told that the officer attended and on what subject.
  'tell-other-groups-attendance-and-subject',
  // Every other group is offered the same session.
  'offer-identical-session',
  // Members who belong to no group are told and offered as the groups are.
  'include-members-in-no-group',
  // A report prepared for the group is announced to the others, with a copy to any that asks.
  'announce-reports',
  // The officer verifies what the group's notes attribute to them before the notes are final.
  'officer-verifies-notes',
  // The officer leaves before the group's party business.
  'leave-before-party-business',
  // Having accepted one group on a matter, the officer cannot decline another on it.
  'no-decline-on-same-matter',
] as const;
export type Duty = (typeof DUTIES)[number];

export type Rule = {
  id: string;
  question: string;
  clauses: string[];
  effect: Effect;
  strength: Strength;
  /** Holds when every fact passes its test; a missing fact that matters leaves the rule undecided. */
  when: Condition;
  because: string;
  decider?: Party;
  consult?: Party[];
  route?: Party[][];
  /** For `require`: the obligation added to an allowed action. */
  obligation?: string;
  /** For `require`: what a workflow does to carry the obligation out. */
  duties?: Duty[];
  /** For deadlines: the parameter holding the number of working days. */
  deadlineParameter?: string;
};

export type ParameterValue = { value: number | string | boolean; clause: string; from: string; note?: string; confirm?: boolean };

export type Parameter = { name: string; description: string; values: ParameterValue[] };

export type ProtocolVersion = {
  version: string;
  adoptedOn: string | null;
  minute?: string;
  reviewDue?: string;
  reviewer?: string;
  note?: string;
};

export type QuestionCoverage = {
  /** Clauses that speak to the question, named when no rule applies. */
  nearest: string[];
  /** The protocol lists the only allowed cases: no permit means forbid (deny-by-default). */
  closedList?: boolean;
};

export type Profile = {
  id: string;
  name: string;
  council: string;
  councilKind: 'principal' | 'town';
  nation: Nation;
  areaTerm: 'ward' | 'division';
  /** Which officer titles this protocol uses for each party. */
  titles: Partial<Record<Party, string>>;
  versions: ProtocolVersion[];
  parameters: Parameter[];
  questions: Record<string, QuestionCoverage>;
  rules: Rule[];
};

export type ExplanationLine = { rule: string; clauses: string[]; held: boolean | null; because: string };

export type Decision = {
  profile: string;
  version: string;
  warnings: string[];
  question: string;
  outcome: Outcome;
  strength: Strength | null;
  decider: Party | null;
  consult: Party[];
  route: Party[][];
  obligations: { what: string; clauses: string[] }[];
  deadline: string | null;
  needs: string[];
  clauses: string[];
  explanation: ExplanationLine[];
};
