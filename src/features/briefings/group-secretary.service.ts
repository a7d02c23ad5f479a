// A group's leader or deputy leader names the member who, as the group's secretary, may also ask for briefings
// and answer offers for it — or names none. Audited like every change.
import { ukDate } from '../../clock.ts';
import { ForbiddenError, ValidationError } from '../../errors.ts';
import type { CurrentUser } from '../../web/access.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../../actor.ts';
import { findMember } from '../directory/members.repository.ts';
import type { BriefingDeps } from './briefing.service.ts';
import { findSecretary, saveSecretary } from './briefing.repository.ts';

/** The leader's or deputy's group, or null for anyone else. */
export async function ledGroupOf(deps: Pick<BriefingDeps, 'db' | 'clock'>, user: CurrentUser): Promise<number | null> {
  if (user.memberId === null) return null;
  const me = await findMember(deps.db.kysely, user.memberId);
  const today = ukDate(deps.clock.now());
  if (!me || me.groupId === null || me.termStart > today || me.termEnd < today) return null;
  return me.groupRole === 'leader' || me.groupRole === 'deputy-leader' ? me.groupId : null;
}

export async function nameSecretary(deps: BriefingDeps, actor: Actor, user: CurrentUser, memberId: number | null): Promise<void> {
  const groupId = await ledGroupOf(deps, user);
  if (groupId === null) throw new ForbiddenError('Only the group’s leader or deputy leader names its secretary');
  const today = ukDate(deps.clock.now());
  if (memberId !== null) {
    const member = await findMember(deps.db.kysely, memberId);
    if (!member || member.groupId !== groupId || member.termStart > today || member.termEnd < today) throw new ValidationError([{ field: 'secretaryId', message: 'Select a member of your group who is in office' }]);
  }
  const now = deps.clock.now();
  await deps.db.kysely.transaction().execute(async (trx) => {
    const before = (await findSecretary(trx, groupId)) ?? null;
    if (memberId === null) await trx.deleteFrom('group_secretaries').where('group_id', '=', groupId).execute();
    else await saveSecretary(trx, groupId, memberId, now.toISOString());
    await appendAudit(trx, deps.db.dialect, actor, { action: 'group.secretary-named', entity: 'political-group', entityId: groupId, before: { secretaryMemberId: before }, after: { secretaryMemberId: memberId } }, now);
  });
}
