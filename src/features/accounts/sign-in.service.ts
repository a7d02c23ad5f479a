// Signing in, and the lockout that stops guessing: after MAX_FAILED_SIGN_INS wrong passwords no password is
// checked for LOCKOUT_MS. An address without a usable account is counted and answered the same way, with a
// password check against a decoy hash taking the same time and its failure recorded in the same transaction, so
// that neither the answer nor its timing says whether an address has an account. The holder of a locked account
// is told by mail: the one write an address without an account has no counterpart for.
import { createHmac, randomBytes } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../../actor.ts';
import { queueMail } from '../mail/outbox.service.ts';
import { formatDateTime } from '../../web/format.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { findUserByEmail, normaliseEmail, type UserRecord } from './users.repository.ts';
import { accountLockedUntil, addressLockedUntil, claimAccountAttempt, claimAddressAttempt, clearAccountFailures, type Claim } from './sign-in-attempts.repository.ts';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** A count of failures is forgotten this long after its last failure: a slow guesser still meets the lock. */
export const FAILURE_WINDOW_MS = 24 * 60 * 60 * 1000;

type SignInDeps = Pick<Deps, 'db' | 'clock' | 'sessionSecret'>;

export type SignInResult =
  | { ok: true; user: UserRecord }
  | { ok: false; reason: 'invalid' | 'locked'; lockedUntil?: string };

const decoyHash = hashPassword(randomBytes(16).toString('hex'));
/** Whoever failed to sign in with an address no account holds: the address typed may be a password. */
const NO_ACCOUNT = 'an address without an account';

/**
 * The key an address without an account is counted under. What was typed in the address box can be a password,
 * so it is kept only as an HMAC that cannot be tested against guesses without the session secret, which stays
 * out of the database and its backups. The secret is first narrowed to this one use, so that the stored values
 * are never an HMAC under the key that signs cookies.
 */
export function signInAddressKey(sessionSecret: string, email: string): string {
  const key = createHmac('sha256', sessionSecret).update('nolan sign-in failures').digest();
  return createHmac('sha256', key).update(normaliseEmail(email)).digest('hex');
}

export async function signIn(deps: SignInDeps, email: string, password: string, actor: Omit<Actor, 'userId' | 'label'>): Promise<SignInResult> {
  const { db, clock } = deps;
  const now = clock.now();
  const attempt = {
    now: now.toISOString(),
    lockUntil: new Date(now.getTime() + LOCKOUT_MS).toISOString(),
    limit: MAX_FAILED_SIGN_INS,
    windowStart: new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString(),
  };
  const user = await findUserByEmail(db.kysely, email);
  if (!user || user.disabledAt || !user.passwordHash) {
    const addressKey = signInAddressKey(deps.sessionSecret, email);
    const claim = await claimAddressAttempt(db.kysely, addressKey, attempt);
    if (!claim) return { ok: false, reason: 'locked', lockedUntil: (await addressLockedUntil(db.kysely, addressKey)) ?? attempt.lockUntil };
    await verifyPassword(password, await decoyHash);
    return recordFailure(deps, { ...actor, userId: null, label: NO_ACCOUNT }, null, claim, now);
  }
  const claim = await claimAccountAttempt(db.kysely, user.id, attempt);
  if (!claim) return { ok: false, reason: 'locked', lockedUntil: (await accountLockedUntil(db.kysely, user.id)) ?? attempt.lockUntil };
  const valid = await verifyPassword(password, user.passwordHash);
  const who: Actor = { ...actor, userId: user.id, label: user.email };
  if (!valid) return recordFailure(deps, who, user, claim, now);
  await db.kysely.transaction().execute(async (trx) => {
    await clearAccountFailures(trx, user.id, now.toISOString());
    await appendAudit(trx, db.dialect, who, { action: 'account.signed-in', entity: 'user', entityId: user.id }, now);
  });
  return { ok: true, user };
}

/**
 * One audited transaction for every failure, with or without an account, so that both take the same writes (the
 * holder's mail aside). The event names the account, or no one: never the address typed.
 */
async function recordFailure(deps: SignInDeps, who: Actor, user: UserRecord | null, claim: NonNullable<Claim>, now: Date): Promise<SignInResult> {
  const { db } = deps;
  const { place: failures, lockedUntil } = claim;
  await db.kysely.transaction().execute(async (trx) => {
    await appendAudit(trx, db.dialect, who, { action: lockedUntil ? 'account.locked' : 'account.sign-in-failed', entity: 'user', entityId: user?.id ?? null, after: { failures, lockedUntil } }, now);
    if (lockedUntil && user) {
      await queueMail(trx, {
        to: user.email,
        toName: user.fullName,
        subject: 'Your Nolan account has been locked',
        text: [
          `After ${failures} failed attempts to sign in, your Nolan account is locked until ${formatDateTime(lockedUntil)}. The last attempt came from the address ${who.ip ?? 'unknown'}.`,
          'If these attempts were yours, you can sign in again once the lock ends. If they were not, tell your council’s Nolan administrator: someone may be trying to guess your password.',
        ].join('\n\n'),
        kind: 'account.locked',
        entity: 'user',
        entityId: user.id,
      }, now);
    }
  });
  return lockedUntil ? { ok: false, reason: 'locked', lockedUntil } : { ok: false, reason: 'invalid' };
}
