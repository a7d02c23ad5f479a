// Who may use a route. Every route declares one of these in its config; a route without one is refused.

export const ROLES = ['member', 'group-leader', 'officer', 'democratic-services', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const POWERS = [
  'head-of-paid-service',
  'monitoring-officer',
  'chief-finance-officer',
  'proper-officer',
  'responsible-financial-officer',
] as const;
export type Power = (typeof POWERS)[number];

export type Access =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'any-of'; roles: readonly Role[]; powers: readonly Power[] };

/** The person behind a request, with roles and powers as they stand today. */
export type CurrentUser = {
  id: number;
  email: string;
  fullName: string;
  roles: Role[];
  powers: Power[];
  /** The member this account belongs to while their term of office runs, or null: all a councillor does or sees
   * as a councillor goes by this. */
  memberId: number | null;
  /** The member this account belongs to, in office or not: only for reading their own past records, which the
   * protocol leaves to them after their term (their enquiries and access requests, never acting on them). */
  memberRecordId: number | null;
  /** The officer this account belongs to while they hold their post, or null from the day they leave. */
  officerId: number | null;
  via: 'session' | 'token';
};

export const access = {
  public: { kind: 'public' } as Access,
  signedIn: { kind: 'signed-in' } as Access,
  roles: (...roles: Role[]): Access => ({ kind: 'any-of', roles, powers: [] }),
  powers: (...powers: Power[]): Access => ({ kind: 'any-of', roles: [], powers }),
  anyOf: (roles: Role[], powers: Power[]): Access => ({ kind: 'any-of', roles, powers }),
};

export function allows(rule: Access, user: CurrentUser | null): boolean {
  if (rule.kind === 'public') return true;
  if (!user) return false;
  if (rule.kind === 'signed-in') return true;
  return rule.roles.some((r) => user.roles.includes(r)) || rule.powers.some((p) => user.powers.includes(p));
}

export function describeAccess(rule: Access): string {
  if (rule.kind === 'public') return 'anyone';
  if (rule.kind === 'signed-in') return 'anyone signed in';
  return [...rule.roles, ...rule.powers].join(' or ');
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    user: CurrentUser | null;
  }
}
