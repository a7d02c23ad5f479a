// Who sees what of the register, as a table: each kind of reader against each kind of entry.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { documentSight, type DocumentFacts, type DocumentGrant, type DocumentViewer } from './document-access.ts';

const RED = 1;
const BLUE = 2;

const viewers: Record<string, DocumentViewer> = {
  'the public': { kind: 'public' },
  'a custodian': { kind: 'signed-in', custodian: true, groupId: null },
  'a custodian who is also a Blue member': { kind: 'signed-in', custodian: true, groupId: BLUE },
  'a Red member': { kind: 'signed-in', custodian: false, groupId: RED },
  'a Blue member': { kind: 'signed-in', custodian: false, groupId: BLUE },
  'a member of no group': { kind: 'signed-in', custodian: false, groupId: null },
  'an officer': { kind: 'signed-in', custodian: false, groupId: null },
};

const documents: Record<string, DocumentFacts> = {
  open: { classification: 'open', metadataPublic: false, groupId: null },
  'exempt, metadata public': { classification: 'exempt', metadataPublic: true, groupId: null },
  'exempt, metadata hidden': { classification: 'exempt', metadataPublic: false, groupId: null },
  'confidential, metadata public': { classification: 'confidential', metadataPublic: true, groupId: null },
  'confidential, metadata hidden': { classification: 'confidential', metadataPublic: false, groupId: null },
  'Red group internal': { classification: 'group-internal', metadataPublic: false, groupId: RED },
  // Never stored (the service refuses it), but the rule must not open a group paper even if a row said so.
  'Red group internal, wrongly marked public': { classification: 'group-internal', metadataPublic: true, groupId: RED },
};

// F: everything (entry, details, file); M: the entry's metadata only; -: nothing at all.
const expected: Record<string, Record<string, 'F' | 'M' | '-'>> = {
  'the public': { open: 'F', 'exempt, metadata public': 'M', 'exempt, metadata hidden': '-', 'confidential, metadata public': 'M', 'confidential, metadata hidden': '-', 'Red group internal': '-', 'Red group internal, wrongly marked public': '-' },
  'a custodian': { open: 'F', 'exempt, metadata public': 'F', 'exempt, metadata hidden': 'F', 'confidential, metadata public': 'F', 'confidential, metadata hidden': 'F', 'Red group internal': 'F', 'Red group internal, wrongly marked public': 'F' },
  'a custodian who is also a Blue member': { open: 'F', 'exempt, metadata public': 'F', 'exempt, metadata hidden': 'F', 'confidential, metadata public': 'F', 'confidential, metadata hidden': 'F', 'Red group internal': 'F', 'Red group internal, wrongly marked public': 'F' },
  'a Red member': { open: 'F', 'exempt, metadata public': 'M', 'exempt, metadata hidden': '-', 'confidential, metadata public': 'M', 'confidential, metadata hidden': '-', 'Red group internal': 'F', 'Red group internal, wrongly marked public': 'F' },
  'a Blue member': { open: 'F', 'exempt, metadata public': 'M', 'exempt, metadata hidden': '-', 'confidential, metadata public': 'M', 'confidential, metadata hidden': '-', 'Red group internal': '-', 'Red group internal, wrongly marked public': '-' },
  'a member of no group': { open: 'F', 'exempt, metadata public': 'M', 'exempt, metadata hidden': '-', 'confidential, metadata public': 'M', 'confidential, metadata hidden': '-', 'Red group internal': '-', 'Red group internal, wrongly marked public': '-' },
  'an officer': { open: 'F', 'exempt, metadata public': 'M', 'exempt, metadata hidden': '-', 'confidential, metadata public': 'M', 'confidential, metadata hidden': '-', 'Red group internal': '-', 'Red group internal, wrongly marked public': '-' },
};

const none = { redactedOnly: false, grant: null };
const SIGHTS = { F: { entry: true, details: true, file: true, download: true, ...none }, M: { entry: true, details: false, file: false, download: false, ...none }, '-': { entry: false, details: false, file: false, download: false, ...none } };

describe('who sees what of the document register', () => {
  for (const [viewerName, viewer] of Object.entries(viewers)) {
    for (const [documentName, document] of Object.entries(documents)) {
      const want = expected[viewerName]![documentName]!;
      it(`${viewerName} × ${documentName}: ${want === 'F' ? 'everything' : want === 'M' ? 'the metadata only' : 'nothing'}`, () => {
        assert.deepEqual(documentSight(viewer, document), SIGHTS[want]);
      });
    }
  }

  it('never gives a file without the entry, nor details without the entry', () => {
    for (const viewer of Object.values(viewers)) {
      for (const document of Object.values(documents)) {
        const sight = documentSight(viewer, document);
        if (sight.file || sight.details) assert.equal(sight.entry, true);
      }
    }
  });
});

describe('what a grant opens', () => {
  const exempt: DocumentFacts = { id: 7, bodyId: 3, classification: 'exempt', metadataPublic: false, groupId: null };
  const grant = { requestId: 1, documentId: 7, download: true, redactedOnly: false, confirmed: true, lastDay: '2027-05-05' };
  const member = (grants: DocumentGrant[], bodyIds: number[] = []): DocumentViewer => ({ kind: 'signed-in', custodian: false, groupId: RED, bodyIds, grants });

  it('a member of the body sees the entry of its papers, to ask for them, but not the paper', () => {
    assert.deepEqual(documentSight(member([], [3]), exempt), SIGHTS.M);
  });

  it('a grant not yet confirmed gives the entry and the grant, never the file (model 115)', () => {
    const sight = documentSight(member([{ ...grant, confirmed: false }]), exempt);
    assert.deepEqual([sight.entry, sight.details, sight.file, sight.download], [true, false, false, false]);
    assert.equal(sight.grant?.requestId, 1);
  });

  it('a confirmed grant opens the file; a view-only one does not download; a redacted one hides the summary', () => {
    assert.deepEqual({ ...documentSight(member([grant]), exempt), grant: null }, SIGHTS.F);
    const viewOnly = documentSight(member([{ ...grant, download: false }]), exempt);
    assert.deepEqual([viewOnly.file, viewOnly.download], [true, false]);
    const redacted = documentSight(member([{ ...grant, redactedOnly: true }]), exempt);
    assert.deepEqual([redacted.file, redacted.details, redacted.redactedOnly], [true, false, true]);
  });

  it('a grant for one document opens no other, and never another group’s paper', () => {
    assert.deepEqual(documentSight(member([grant]), { ...exempt, id: 8 }), SIGHTS['-']);
    assert.deepEqual(documentSight(member([{ ...grant, documentId: 9 }]), { id: 9, classification: 'group-internal', metadataPublic: false, groupId: BLUE }), SIGHTS['-']);
  });
});
