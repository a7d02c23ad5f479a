// Table types of party-group briefings (migration 0011); see database.ts.
import type { Generated } from 'kysely';
import type { SqlBool } from './database.ts';

/** A party group's request for an officer's briefing (see migration 0011); version is for optimistic concurrency. */
export type BriefingsTable = {
  id: Generated<number>;
  group_id: number;
  requested_by_member_id: number;
  officer_id: number;
  subject: string;
  matter: string;
  meets_on: string;
  attendees: string;
  non_members_present: SqlBool;
  non_members: string | null;
  party_business: SqlBool;
  subject_consent: Generated<SqlBool>;
  offered_from_briefing_id: number | null;
  profile_id: string;
  decision_json: string;
  duties_json: string;
  status: string;
  answer_reason: string | null;
  answered_at: string | null;
  attended: SqlBool | null;
  minutes_attended: number | null;
  left_before_party_business: string | null;
  notes: string | null;
  attributed_comments: string | null;
  notes_status: Generated<string>;
  officer_response: string | null;
  held_at: string | null;
  report_title: string | null;
  report_text: string | null;
  report_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
};

/** What another group, or a member in no group, was sent about a briefing. */
export type BriefingNoticesTable = {
  id: Generated<number>;
  briefing_id: number;
  kind: string;
  group_id: number | null;
  member_id: number | null;
  recipient_name: string;
  address: string | null;
  told: string;
  outbox_id: number | null;
  created_at: string;
};

/** The identical session offered to another group or to a member in no group. */
export type BriefingOffersTable = {
  id: Generated<number>;
  briefing_id: number;
  group_id: number | null;
  member_id: number | null;
  status: string;
  offered_at: string;
  lapses_on: string;
  answered_at: string | null;
  answered_by: string | null;
  decline_reason: string | null;
  accepted_briefing_id: number | null;
  version: Generated<number>;
};

export type GroupSecretariesTable = { group_id: number; member_id: number; named_at: string };
