// Table types of the document register and access to it (migrations 0009 and 0010); see database.ts.
import type { Generated } from 'kysely';
import type { SqlBool } from './database.ts';

/** A meeting of one of the council's bodies; documents may belong to it. */
export type MeetingsTable = { id: Generated<number>; body_id: number; title: string; held_on: string; created_at: string };

/** An entry in the document register (see migration 0009); version is for optimistic concurrency. */
export type DocumentsTable = {
  id: Generated<number>;
  title: string;
  summary: string;
  body_id: number;
  meeting_id: number | null;
  author_officer_id: number | null;
  author_name: string | null;
  classification: string;
  exempt_paragraph: number | null;
  public_interest_test: string | null;
  confidential_ground: string | null;
  group_id: number | null;
  review_on: string | null;
  metadata_public: SqlBool;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
};

/** One version of a document's file: versions run 1, 2, 3 … for each document. */
export type DocumentFilesTable = {
  id: Generated<number>;
  document_id: number;
  version: number;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by_user_id: number | null;
  uploaded_by: string;
  uploaded_at: string;
  /** A version with the exempt or personal parts taken out: the only one a redacted-only grant opens. */
  redacted: Generated<SqlBool>;
  /** The file's words, read when it was uploaded (migration 0014); null where it has none Nolan can show. */
  text: string | null;
  /** When the text was read; null for a version stored before text was kept, read in the background. */
  text_read_at: string | null;
};

/** A member's request to see a document, the engine's answer, and the decision (see migration 0010). */
export type AccessRequestsTable = {
  id: Generated<number>;
  document_id: number | null;
  information: string | null;
  information_body_id: number | null;
  member_id: number;
  requested_by_user_id: number | null;
  purpose: string;
  reason: string;
  personal_interest: SqlBool;
  facts_json: string;
  answer_json: string;
  decider: string;
  decider_basis: string;
  consult_json: string;
  clauses_json: string;
  status: string;
  advice_first: Generated<SqlBool>;
  scrutiny_due_on: string | null;
  advice: string | null;
  advised_by: string | null;
  advised_at: string | null;
  reasons: string | null;
  decided_by_user_id: number | null;
  decided_by: string | null;
  decided_at: string | null;
  view_only: Generated<SqlBool>;
  in_office: Generated<SqlBool>;
  redacted_only: Generated<SqlBool>;
  until_on: string | null;
  purpose_confirmed_at: string | null;
  dispute_reason: string | null;
  disputed_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
};

/** One opening of a document's file: viewed in Nolan or downloaded. */
export type DocumentViewsTable = {
  id: Generated<number>;
  document_id: number;
  file_version: number;
  access_request_id: number | null;
  user_id: number | null;
  viewer: string;
  kind: string;
  at: string;
};
