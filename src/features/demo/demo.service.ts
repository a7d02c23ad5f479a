// The demo council: planned deterministically for a bundled profile, stored in one transaction with one
// audit event, then one sign-in per role created through the accounts service (each audited there).
import type { Deps } from '../../deps.ts';
import { ukDate } from '../../clock.ts';
import { ConflictError, ValidationError } from '../../errors.ts';
import { findProfile, profileIds } from '../../protocol/profiles/catalogue.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { systemActor, type Actor } from '../../actor.ts';
import { createAccount } from '../accounts/accounts.service.ts';
import { seedDemoEnquiries } from './demo-enquiries.ts';
import { seedDemoDocuments } from './demo-documents.ts';
import { seedDemoBriefings } from './demo-briefings.ts';
import { seedDemoAccessRequests } from './demo-access-requests.ts';
import { councilSummary, createCouncil } from '../directory/council.repository.ts';
import { insertWards } from '../directory/wards.repository.ts';
import { insertGroups } from '../directory/groups.repository.ts';
import { insertMembers } from '../directory/members.repository.ts';
import { insertBodies, insertSeats } from '../directory/bodies.repository.ts';
import { insertOfficers, insertServices } from '../directory/officers.repository.ts';
import { insertActingPeriods, insertStatutoryRoles } from '../directory/statutory-roles.repository.ts';
import { demoCouncils } from './councils.ts';
import type { DemoPlan } from './plan.ts';
import { planPrincipalCouncil } from './principal-plan.ts';
import { planTownCouncil } from './town-plan.ts';
import { seededRandom } from './random.ts';

export type DemoSeed = { councilName: string; profileId: string; password: string; signIns: { role: string; email: string; name: string }[] };

type DemoDeps = Pick<Deps, 'db' | 'clock'>;

/** One password for every demo sign-in: long enough, and on no list of common passwords. */
export const DEMO_PASSWORD = 'demo-council-2026';

/** The demo council for a profile as it stands on a day; the same profile and day always give the same plan. */
export function planDemo(profileId: string, today: string): DemoPlan {
  const entry = findProfile(profileId);
  const council = demoCouncils[profileId];
  if (!entry || !council) {
    throw new ValidationError([{ field: 'profile', message: `"${profileId}" is not a bundled profile; expected one of ${profileIds.join(', ')}` }]);
  }
  const random = seededRandom(`nolan-demo:${profileId}`);
  return entry.councilKind === 'town' ? planTownCouncil(entry, council, random, today) : planPrincipalCouncil(entry, council, random, today);
}

async function storePlan(deps: DemoDeps, actor: Actor, plan: DemoPlan): Promise<{ memberIds: number[]; officerIds: number[] }> {
  const now = deps.clock.now();
  const at = now.toISOString();
  return deps.db.kysely.transaction().execute(async (trx) => {
    await createCouncil(trx, plan.council, at);
    const wardIds = await insertWards(trx, plan.wards, at);
    const groupIds = await insertGroups(trx, plan.groups, at);
    const memberIds = await insertMembers(
      trx,
      plan.members.map((m) => ({
        fullName: m.fullName,
        email: m.email,
        phone: m.phone,
        wardId: wardIds[m.ward]!,
        groupId: m.group === null ? null : groupIds[m.group]!,
        groupRole: m.groupRole,
        termStart: m.termStart,
        termEnd: m.termEnd,
        cabinetPortfolio: m.portfolio,
      })),
      at,
    );
    const bodyIds = await insertBodies(trx, plan.bodies.map((b) => ({ name: b.name, kind: b.kind, remit: b.remit })), at);
    await insertSeats(trx, plan.bodies.flatMap((b, i) => b.seats.map((s) => ({ bodyId: bodyIds[i]!, memberId: memberIds[s.member]!, seatRole: s.role }))));
    const serviceIds = await insertServices(trx, plan.services, at);

    // Managers before their reports: one batch for each level of the tree.
    const depth: number[] = [];
    plan.officers.forEach((o, i) => (depth[i] = o.manager === null ? 0 : depth[o.manager]! + 1));
    const officerIds: number[] = [];
    for (let level = 0; level <= Math.max(...depth); level++) {
      const atLevel = plan.officers.map((o, i) => ({ o, i })).filter(({ i }) => depth[i] === level);
      const ids = await insertOfficers(
        trx,
        atLevel.map(({ o }) => ({
          fullName: o.fullName,
          email: o.email,
          jobTitle: o.jobTitle,
          grade: o.grade,
          serviceId: serviceIds[o.service]!,
          lineManagerId: o.manager === null ? null : officerIds[o.manager]!,
          politicallyRestricted: o.restricted,
        })),
        at,
      );
      atLevel.forEach(({ i }, k) => (officerIds[i] = ids[k]!));
    }

    const roleIds = await insertStatutoryRoles(trx, plan.roles.map((r) => ({ officerId: officerIds[r.officer]!, role: r.role, capacity: r.capacity, startsOn: r.startsOn, endsOn: r.endsOn })), at);
    await insertActingPeriods(trx, plan.roles.flatMap((r, i) => r.acting.map((a) => ({ statutoryRoleId: roleIds[i]!, ...a }))), at);

    await appendAudit(trx, deps.db.dialect, actor, {
      action: 'directory.demo-seeded',
      entity: 'council',
      entityId: 1,
      after: {
        council: plan.council,
        wards: plan.wards.length,
        groups: plan.groups.length,
        members: plan.members.length,
        bodies: plan.bodies.length,
        officers: plan.officers.length,
        statutoryRoles: plan.roles.length,
      },
    }, now);
    return { memberIds, officerIds };
  });
}

/** Builds the demo council for a profile into a database that holds no council yet. */
export async function seedDemo(deps: DemoDeps, profileId: string, actor: Actor = systemActor): Promise<DemoSeed> {
  const plan = planDemo(profileId, ukDate(deps.clock.now()));
  const alreadyThere = async () => !!(await councilSummary(deps.db.kysely));
  if (await alreadyThere()) throw new ConflictError('The database already holds a council: the demo is only added to an empty one');
  let stored: { memberIds: number[]; officerIds: number[] };
  try {
    stored = await storePlan(deps, actor, plan);
  } catch (error) {
    // Another process seeded first: its council row won the insert.
    if (await alreadyThere()) throw new ConflictError('The database already holds a council: the demo is only added to an empty one');
    throw error;
  }
  const signIns: DemoSeed['signIns'] = [];
  for (const s of plan.signIns) {
    const person = s.member !== undefined ? plan.members[s.member]! : plan.officers[s.officer!]!;
    await createAccount(deps, actor, {
      email: person.email,
      fullName: person.fullName,
      roles: s.roles,
      password: DEMO_PASSWORD,
      memberId: s.member === undefined ? null : stored.memberIds[s.member]!,
      officerId: s.officer === undefined ? null : stored.officerIds[s.officer]!,
    });
    signIns.push({ role: s.label, email: person.email, name: person.fullName });
  }
  const demoMember = plan.signIns.find((s) => s.label === 'member')?.member;
  const demoOfficer = plan.signIns.find((s) => s.label === 'officer')?.officer;
  await seedDemoEnquiries(
    { ...deps, config: { profileId } },
    profileId,
    demoMember === undefined ? undefined : stored.memberIds[demoMember],
    demoOfficer === undefined ? undefined : stored.officerIds[demoOfficer],
  );
  await seedDemoDocuments(deps, actor);
  await seedDemoBriefings({ ...deps, config: { profileId } }, actor);
  await seedDemoAccessRequests({ ...deps, config: { profileId } }, demoMember === undefined ? undefined : stored.memberIds[demoMember]);
  return { councilName: plan.council.name, profileId, password: DEMO_PASSWORD, signIns };
}

/** For `npm start`: seeds the demo council only when the database holds no council. */
export async function seedDemoIfEmpty(deps: DemoDeps, profileId: string): Promise<DemoSeed | null> {
  if (await councilSummary(deps.db.kysely)) return null;
  try {
    return await seedDemo(deps, profileId);
  } catch (error) {
    if (error instanceof ConflictError) return null;
    throw error;
  }
}
