// Frozen: members' requests to see a document of the register, or information that is no paper of it, the decisions on them (a grant, perhaps with
// conditions, or a refusal with reasons), and the log of every view and download made under a grant or of a
// paper that is not open. A file version may be marked as the redacted one a conditional grant opens.
import { sql } from 'kysely';
import { boolType, falseDefault, withId, type AnyDb } from './dialect.ts';

export async function up(db: AnyDb): Promise<void> {
  const bool = boolType(db);
  const no = falseDefault(db);

  await db.schema.alterTable('document_files').addColumn('redacted', bool, (c) => c.notNull().defaultTo(no)).execute();

  await withId(db, db.schema.createTable('access_requests'))
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    // Information that is no paper of the register, in the member's words, and the body it concerns if any.
    .addColumn('information', 'text')
    .addColumn('information_body_id', 'integer', (c) => c.references('bodies.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('requested_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('personal_interest', bool, (c) => c.notNull())
    // The facts the engine was given and its answer, as JSON, so the decision can be shown as it was made.
    .addColumn('facts_json', 'text', (c) => c.notNull())
    .addColumn('answer_json', 'text', (c) => c.notNull())
    .addColumn('decider', 'text', (c) => c.notNull())
    .addColumn('decider_basis', 'text', (c) => c.notNull())
    .addColumn('consult_json', 'text', (c) => c.notNull())
    .addColumn('clauses_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('advice_first', bool, (c) => c.notNull().defaultTo(no))
    .addColumn('scrutiny_due_on', 'text')
    .addColumn('advice', 'text')
    .addColumn('advised_by', 'text')
    .addColumn('advised_at', 'text')
    .addColumn('reasons', 'text')
    .addColumn('decided_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('view_only', bool, (c) => c.notNull().defaultTo(no))
    .addColumn('in_office', bool, (c) => c.notNull().defaultTo(no))
    .addColumn('redacted_only', bool, (c) => c.notNull().defaultTo(no))
    .addColumn('until_on', 'text')
    .addColumn('purpose_confirmed_at', 'text')
    .addColumn('dispute_reason', 'text')
    .addColumn('disputed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('access_requests_status', sql`status in ('awaiting-advice', 'awaiting-decision', 'disputed', 'granted', 'refused', 'withdrawn')`)
    .addCheckConstraint('access_requests_purpose', sql`purpose in ('council-duties', 'ward', 'party-political', 'private', 'third-party')`)
    .addCheckConstraint('access_requests_decider', sql`decider in ('monitoring-officer', 'proper-officer', 'chief-executive')`)
    .addCheckConstraint('access_requests_decider_basis', sql`decider_basis in ('protocol', 'local')`)
    .addCheckConstraint('access_requests_subject', sql`(document_id is null) <> (information is null)`)
    .addCheckConstraint('access_requests_information', sql`information is null or length(information) > 0`)
    .addCheckConstraint('access_requests_reason', sql`length(reason) > 0`)
    // A decision is never stored without its reasons and who made it.
    .addCheckConstraint('access_requests_decided', sql`status not in ('granted', 'refused') or (reasons is not null and length(reasons) > 0 and decided_by is not null and decided_at is not null)`)
    .addCheckConstraint('access_requests_conditions', sql`status = 'granted' or (view_only = ${no} and in_office = ${no} and redacted_only = ${no} and until_on is null)`)
    .addCheckConstraint('access_requests_disputed', sql`status <> 'disputed' or (dispute_reason is not null and disputed_at is not null)`)
    .execute();
  await db.schema.createIndex('access_requests_member').on('access_requests').columns(['member_id', 'created_at']).execute();
  await db.schema.createIndex('access_requests_status').on('access_requests').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('access_requests_document').on('access_requests').column('document_id').execute();

  await withId(db, db.schema.createTable('document_views'))
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    // Information that is no paper of the register, in the member's words, and the body it concerns if any.
    .addColumn('information', 'text')
    .addColumn('information_body_id', 'integer', (c) => c.references('bodies.id'))
    .addColumn('file_version', 'integer', (c) => c.notNull())
    .addColumn('access_request_id', 'integer', (c) => c.references('access_requests.id'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('viewer', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addCheckConstraint('document_views_kind', sql`kind in ('view', 'download')`)
    .execute();
  await db.schema.createIndex('document_views_document').on('document_views').columns(['document_id', 'at']).execute();
}
