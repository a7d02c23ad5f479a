// Every migration, in order. Names are frozen once released.
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_protocol_documents.ts';
import * as m0003 from './0003_enquiries.ts';
import * as m0004 from './0004_outbox_and_jobs.ts';
import * as m0005 from './0005_enquiry_intake.ts';
import * as m0006 from './0006_enquiry_search.ts';
import * as m0007 from './0007_enquiry_indexes.ts';
import * as m0008 from './0008_enquiry_open_order.ts';
import * as m0009 from './0009_document_register.ts';
import * as m0010 from './0010_access_requests.ts';
import * as m0011 from './0011_group_briefings.ts';
import * as m0012 from './0012_enquiry_open_counts.ts';
import * as m0013 from './0013_change_notices.ts';
import * as m0014 from './0014_document_text.ts';
import * as m0015 from './0015_sign_in_and_tokens.ts';
import * as m0016 from './0016_audit_key.ts';
import * as m0017 from './0017_sign_in_failures_keyed.ts';

export const migrations = {
  '0001_foundation': m0001,
  '0002_protocol_documents': m0002,
  '0003_enquiries': m0003,
  '0004_outbox_and_jobs': m0004,
  '0005_enquiry_intake': m0005,
  '0006_enquiry_search': m0006,
  '0007_enquiry_indexes': m0007,
  '0008_enquiry_open_order': m0008,
  '0009_document_register': m0009,
  '0010_access_requests': m0010,
  '0011_group_briefings': m0011,
  '0012_enquiry_open_counts': m0012,
  '0013_change_notices': m0013,
  '0014_document_text': m0014,
  '0015_sign_in_and_tokens': m0015,
  '0016_audit_key': m0016,
  '0017_sign_in_failures_keyed': m0017,
};
