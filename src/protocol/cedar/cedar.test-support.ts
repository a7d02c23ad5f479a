// Asking Cedar (cedar-wasm, WebAssembly) about a profile's exported policies. For the tests and the benchmark
// only: nothing on the request path imports this file or cedar-wasm.
import { getCedarVersion, isAuthorized, preparsePolicySet, statefulIsAuthorized } from '@cedar-policy/cedar-wasm/nodejs';
import type { AuthorizationAnswer, AuthorizationCall } from '@cedar-policy/cedar-wasm/nodejs';
import type { Facts, Profile } from '../types.ts';
import type { CedarResponse } from './agreement.ts';
import { ASKER, MATTER, cedarAction, cedarContext, cedarPolicySet } from './export.ts';

export type CedarProfile = {
  /** The policy set parsed once and kept inside Cedar: the way a service would use it. */
  decide(question: string, facts: Facts): CedarResponse;
  /** The stateless call: the policy text is parsed again on every decision. */
  decideParsingEachTime(question: string, facts: Facts): CedarResponse;
};

export const cedarVersion = getCedarVersion();

function response(answer: AuthorizationAnswer): CedarResponse {
  if (answer.type === 'failure') throw new Error(`Cedar refused the request: ${answer.errors.map((e) => e.message).join('; ')}`);
  return answer.response;
}

export function cedarFor(profile: Profile): CedarProfile {
  const policies = { staticPolicies: cedarPolicySet(profile) };
  const policySetId = `nolan:${profile.id}`;
  const parsed = preparsePolicySet(policySetId, policies);
  if (parsed.type === 'failure') {
    throw new Error(`${profile.id}: the exported policies do not parse in Cedar: ${parsed.errors.map((e) => e.message).join('; ')}`);
  }
  const request = (question: string, facts: Facts): Omit<AuthorizationCall, 'policies'> => ({
    principal: ASKER,
    action: cedarAction(question),
    resource: MATTER,
    context: cedarContext(facts),
    entities: [],
  });
  return {
    decide: (question, facts) => response(statefulIsAuthorized({ ...request(question, facts), preparsedPolicySetId: policySetId })),
    decideParsingEachTime: (question, facts) => response(isAuthorized({ ...request(question, facts), policies })),
  };
}
