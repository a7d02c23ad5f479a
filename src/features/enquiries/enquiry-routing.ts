// Who an enquiry goes to. The routing table (or else the service's most senior officer) names a candidate; the
// protocol then says whether that officer may take it: under `model` 48 a member goes to a senior officer unless
// the enquiry is purely factual, so a junior candidate hands it up the line. Where the protocol is silent the
// council's own routing stands, labelled as local.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { check } from '../../protocol/check.ts';
import { findOfficer, listOfficers } from '../directory/officers.repository.ts';
import type { Officer } from '../directory/directory.types.ts';
import { findRoute } from './enquiry.repository.ts';
import type { Routing } from './enquiry.types.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export type RoutingInput = { serviceId: number | null; wardId: number | null; workType: string | null; purelyFactual: boolean };

async function candidateFor(q: Q, input: RoutingInput, day: string): Promise<{ officer: Officer; why: string } | undefined> {
  if (input.serviceId === null) return undefined;
  const routed = await findRoute(q, input.serviceId, input.wardId, input.workType);
  const officer = routed === undefined ? undefined : await findOfficer(q, routed);
  if (officer && !hasLeft(officer, day)) return { officer, why: `the routing table names ${officer.fullName} for this service` };
  const [senior] = await listOfficers(q, { day, serviceId: input.serviceId });
  return senior && { officer: senior, why: `${senior.fullName} is the service’s most senior officer` };
}

function hasLeft(officer: Officer, day: string): boolean {
  return officer.leftOn !== null && officer.leftOn <= day;
}

export async function routeEnquiry(q: Q, profileId: string, input: RoutingInput, day: string): Promise<Routing> {
  const candidate = await candidateFor(q, input, day);
  if (!candidate) return { officerId: null, basis: 'unrouted', clauses: [], reasons: ['no service was given, so democratic services will route it'] };
  const reasons = [candidate.why];
  let officer: Officer | undefined = candidate.officer;
  const seen = new Set<number>();
  while (officer && !seen.has(officer.id)) {
    seen.add(officer.id);
    const decision = check(profileId, { question: 'enquiry-routing', facts: { purelyFactual: input.purelyFactual, officerGrade: officer.grade } }, day);
    const held = decision.explanation.filter((e) => e.held === true);
    if (decision.outcome === 'forbid') {
      reasons.push(...held.map((e) => `clause ${e.clauses.join(', ')}: ${e.because}`));
      const manager: Officer | undefined = officer.lineManagerId === null ? undefined : await findOfficer(q, officer.lineManagerId);
      if (!manager || hasLeft(manager, day)) return { officerId: officer.id, basis: 'protocol', clauses: decision.clauses, reasons: [...reasons, `${officer.fullName} has no line manager to pass it to`] };
      reasons.push(`so it goes to ${manager.fullName}, ${manager.jobTitle}`);
      officer = manager;
      continue;
    }
    if (decision.outcome === 'permit') {
      return { officerId: officer.id, basis: 'protocol', clauses: decision.clauses, reasons: [...reasons, ...held.map((e) => `clause ${e.clauses.join(', ')}: ${e.because}`)] };
    }
    // Not covered (or still needing facts): the protocol does not decide, so the council's own routing stands.
    return { officerId: officer.id, basis: 'local', clauses: decision.clauses, reasons: [...reasons, 'the protocol does not say who takes an enquiry, so the council’s own routing applies'] };
  }
  return { officerId: candidate.officer.id, basis: 'local', clauses: [], reasons };
}
