// Frozen: party group briefings — a group's request for an officer's briefing with the protocol's answer, the
// notices the other groups were sent, the identical sessions offered to them, and each group's secretary.
// Depends only on the directory's tables (0001).
import { sql } from 'kysely';
import { boolType, falseDefault, withId, type AnyDb } from './dialect.ts';

export async function up(db: AnyDb): Promise<void> {
  const bool = boolType(db);
  const no = falseDefault(db);

  await withId(db, db.schema.createTable('briefings'))
    .addColumn('group_id', 'integer', (c) => c.notNull().references('political_groups.id'))
    .addColumn('requested_by_member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('officer_id', 'integer', (c) => c.notNull().references('officers.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    // The subject reduced to its significant words, to find an earlier briefing on the same matter.
    .addColumn('matter', 'text', (c) => c.notNull())
    .addColumn('meets_on', 'text', (c) => c.notNull())
    .addColumn('attendees', 'text', (c) => c.notNull())
    .addColumn('non_members_present', bool, (c) => c.notNull())
    .addColumn('non_members', 'text')
    .addColumn('party_business', bool, (c) => c.notNull())
    // The group agrees that the other groups may be told the subject (where the protocol needs its consent).
    .addColumn('subject_consent', bool, (c) => c.notNull().defaultTo(no))
    // Set when this briefing is the identical session another group's briefing offered.
    .addColumn('offered_from_briefing_id', 'integer', (c) => c.references('briefings.id'))
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .addColumn('decision_json', 'text', (c) => c.notNull())
    .addColumn('duties_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answer_reason', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('attended', bool)
    .addColumn('minutes_attended', 'integer')
    .addColumn('left_before_party_business', 'text')
    .addColumn('notes', 'text')
    .addColumn('attributed_comments', 'text')
    .addColumn('notes_status', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('officer_response', 'text')
    .addColumn('held_at', 'text')
    .addColumn('report_title', 'text')
    .addColumn('report_text', 'text')
    .addColumn('report_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('briefings_status', sql`status in ('requested', 'accepted', 'declined', 'held', 'not-held')`)
    .addCheckConstraint('briefings_declined_with_reason', sql`status <> 'declined' or answer_reason is not null`)
    .addCheckConstraint('briefings_minutes', sql`minutes_attended is null or (minutes_attended >= 0 and minutes_attended <= 1440)`)
    .addCheckConstraint('briefings_left', sql`left_before_party_business is null or left_before_party_business in ('yes', 'no', 'none-discussed')`)
    .addCheckConstraint('briefings_notes_status', sql`notes_status in ('none', 'awaiting-officer', 'final')`)
    .addCheckConstraint('briefings_held_recorded', sql`status <> 'held' or (attended is not null and minutes_attended is not null and held_at is not null)`)
    .addCheckConstraint('briefings_meets_on', sql`length(meets_on) = 10`)
    .execute();
  await db.schema.createIndex('briefings_group').on('briefings').columns(['group_id', 'meets_on']).execute();
  await db.schema.createIndex('briefings_officer').on('briefings').columns(['officer_id', 'status']).execute();
  await db.schema.createIndex('briefings_offered_from').on('briefings').column('offered_from_briefing_id').execute();

  // Each message the other groups (or members in no group) were sent about a briefing: what they were told.
  await withId(db, db.schema.createTable('briefing_notices'))
    .addColumn('briefing_id', 'integer', (c) => c.notNull().references('briefings.id'))
    // attendance | report | report-copy | offer
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('group_id', 'integer', (c) => c.references('political_groups.id'))
    .addColumn('member_id', 'integer', (c) => c.references('members.id'))
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('told', 'text', (c) => c.notNull())
    .addColumn('outbox_id', 'integer', (c) => c.references('outbox.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('briefing_notices_kind', sql`kind in ('attendance', 'report', 'report-copy', 'offer')`)
    .addCheckConstraint('briefing_notices_recipient', sql`group_id is not null or member_id is not null`)
    .execute();
  await db.schema.createIndex('briefing_notices_briefing').on('briefing_notices').columns(['briefing_id', 'kind']).execute();
  await db.schema.createIndex('briefing_notices_group').on('briefing_notices').columns(['group_id', 'created_at']).execute();
  await db.schema.createIndex('briefing_notices_member').on('briefing_notices').columns(['member_id', 'created_at']).execute();

  // The identical session offered to another group, or to a member in no group, and what became of it.
  await withId(db, db.schema.createTable('briefing_offers'))
    .addColumn('briefing_id', 'integer', (c) => c.notNull().references('briefings.id'))
    .addColumn('group_id', 'integer', (c) => c.references('political_groups.id'))
    .addColumn('member_id', 'integer', (c) => c.references('members.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('offered_at', 'text', (c) => c.notNull())
    .addColumn('lapses_on', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('accepted_briefing_id', 'integer', (c) => c.references('briefings.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('briefing_offers_status', sql`status in ('offered', 'accepted', 'declined', 'lapsed')`)
    .addCheckConstraint('briefing_offers_to_one', sql`(group_id is null) <> (member_id is null)`)
    // A group that accepts gets its own briefing; a member in no group arranges the session with the officer.
    .addCheckConstraint('briefing_offers_accepted', sql`status <> 'accepted' or accepted_briefing_id is not null or member_id is not null`)
    .execute();
  await db.schema.createIndex('briefing_offers_briefing_group').on('briefing_offers').columns(['briefing_id', 'group_id']).unique().execute();
  await db.schema.createIndex('briefing_offers_briefing_member').on('briefing_offers').columns(['briefing_id', 'member_id']).unique().execute();
  await db.schema.createIndex('briefing_offers_status').on('briefing_offers').columns(['status', 'lapses_on']).execute();

  // The member a group names as its secretary, who may ask for briefings beside its leader and deputy.
  await db.schema
    .createTable('group_secretaries')
    .addColumn('group_id', 'integer', (c) => c.primaryKey().references('political_groups.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('named_at', 'text', (c) => c.notNull())
    .execute();
}
