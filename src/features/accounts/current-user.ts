// Roles and statutory powers as they stand on a given day. Powers come only from the directory's
// statutory roles: a holder in post, or a deputy on the dates they act.
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { POWERS, type CurrentUser, type Power, type Role } from '../../web/access.ts';
import type { UserRecord } from './users.repository.ts';

const STAFF_ROLES: readonly Role[] = ['officer', 'democratic-services', 'admin'];

export async function statutoryPowersOn(db: Kysely<Tables>, officerId: number, day: string): Promise<Power[]> {
  const held = await db
    .selectFrom('statutory_roles as s')
    .leftJoin('statutory_acting as a', (join) =>
      join.onRef('a.statutory_role_id', '=', 's.id').on('a.from_date', '<=', day).on('a.to_date', '>=', day),
    )
    .select(['s.role', 's.capacity', 'a.id as acting_id'])
    .where('s.officer_id', '=', officerId)
    .where('s.starts_on', '<=', day)
    .where((eb) => eb.or([eb('s.ends_on', 'is', null), eb('s.ends_on', '>=', day)]))
    .execute();
  const powers = held.filter((h) => h.capacity === 'holder' || h.acting_id !== null).map((h) => h.role);
  return POWERS.filter((p) => powers.includes(p));
}

/** A member's rights end on the day their term of office ends; the account and record stay. */
export async function memberInOffice(db: Kysely<Tables>, memberId: number, day: string): Promise<boolean> {
  const member = await db.selectFrom('members').select(['term_start', 'term_end']).where('id', '=', memberId).executeTakeFirst();
  return !!member && member.term_start <= day && day < member.term_end;
}

export async function resolveCurrentUser(
  db: Kysely<Tables>,
  user: UserRecord,
  day: string,
  via: CurrentUser['via'],
): Promise<CurrentUser> {
  let roles: Role[] = [...user.roles];
  const inOffice = user.memberId !== null && (await memberInOffice(db, user.memberId, day));
  if (!inOffice) roles = roles.filter((r) => r !== 'member' && r !== 'group-leader');
  const officerLeft = user.officerId
    ? await db.selectFrom('officers').select('left_on').where('id', '=', user.officerId).executeTakeFirst()
    : undefined;
  const officerInPost = user.officerId !== null && officerLeft !== undefined && (officerLeft.left_on === null || officerLeft.left_on > day);
  // Staff roles given to an officer's account came with the post: the day they leave, all of them go. An account
  // linked to no officer (an IT administrator, say) holds its roles in its own right and keeps them.
  if (user.officerId !== null && !officerInPost) roles = roles.filter((r) => !STAFF_ROLES.includes(r));
  else if (!officerInPost) roles = roles.filter((r) => r !== 'officer');
  const powers = officerInPost && user.officerId !== null ? await statutoryPowersOn(db, user.officerId, day) : [];
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    roles,
    powers,
    // A former member or officer keeps the account, not the standing: every feature's access goes by these.
    memberId: inOffice ? user.memberId : null,
    memberRecordId: user.memberId,
    officerId: officerInPost ? user.officerId : null,
    via,
  };
}
