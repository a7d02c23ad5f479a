// The SQL behind enquiries made from an email: the uploaded email kept while its enquiry is checked, and the
// member a sender's address belongs to.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Tables } from '../../../db/database.ts';

type Q = Kysely<Tables>;

export type EmailDraft = { id: number; userId: number; fileName: string; content: Uint8Array; createdAt: string; expiresAt: string };

/** Keeps an uploaded email for its uploader, clearing drafts that have expired while at it. */
export async function insertEmailDraft(q: Q, draft: Omit<EmailDraft, 'id'>): Promise<number> {
  await q.deleteFrom('enquiry_email_drafts').where('expires_at', '<=', draft.createdAt).execute();
  const { id } = await q
    .insertInto('enquiry_email_drafts')
    .values({ user_id: draft.userId, file_name: draft.fileName, content: draft.content, created_at: draft.createdAt, expires_at: draft.expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The draft, only for the person who uploaded it and only until it expires. */
export async function findEmailDraft(q: Q, id: number, userId: number, now: string): Promise<EmailDraft | undefined> {
  const r = await q.selectFrom('enquiry_email_drafts').selectAll().where('id', '=', id).where('user_id', '=', userId).where('expires_at', '>', now).executeTakeFirst();
  return r && { id: r.id, userId: r.user_id, fileName: r.file_name, content: r.content, createdAt: r.created_at, expiresAt: r.expires_at };
}

/** Removes the draft; false when it was already gone (logged by a form sent twice, say). */
export async function deleteEmailDraft(q: Q | Transaction<Tables>, id: number): Promise<boolean> {
  const result = await q.deleteFrom('enquiry_email_drafts').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The member with this email address, compared without regard to case; several with it match none. */
export async function memberIdByEmail(q: Q, address: string): Promise<number | undefined> {
  const rows = await q.selectFrom('members').select('id').where(sql<string>`lower(email)`, '=', address.toLowerCase()).limit(2).execute();
  return rows.length === 1 ? rows[0]!.id : undefined;
}
