// The council's own protocol document: read an upload into clauses, keep it, and lay it beside the profile's
// rules. Each upload is kept; the newest is the one answers quote. Nothing is stored from a file that cannot
// be read or holds no numbered clauses.
import { createHash } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import { ValidationError } from '../../errors.ts';
import { citedClauses, clausesCitedBy, coverageReport, type CitedClause, type CoverageReport, type ProtocolClause } from '../../protocol/importer.ts';
import { findFullProfile } from '../../protocol/profiles/index.ts';
import type { Profile } from '../../protocol/types.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../../actor.ts';
import { nameForContent } from '../../web/file-names.ts';
import { councilSummary } from '../directory/council.repository.ts';
import { documentKind, importProtocolDocument, UnreadableDocumentError, type DocumentKind } from '../protocol-import/read-document.ts';
import { clausesOf, currentDocument, insertDocument, type StoredDocument } from './protocol-document.repository.ts';

export type DocumentUpload = { fileName: string; content: Uint8Array };

const KIND_TYPES: Record<DocumentKind, string> = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', text: 'text/plain' };

export type CouncilDocument = { document: StoredDocument; clauses: ProtocolClause[]; coverage: CoverageReport; profile: Profile };

/** The profile a council's document is read against: the council's own, as the directory records it. */
export async function councilProfileId(deps: Pick<Deps, 'db' | 'config'>): Promise<string> {
  return (await councilSummary(deps.db.kysely))?.profileId ?? deps.config.profileId;
}

function profileOrFail(id: string): Profile {
  const profile = findFullProfile(id);
  if (!profile) throw new Error(`the council's profile ${id} is not a bundled profile`);
  return profile;
}

export async function importCouncilProtocol(deps: Pick<Deps, 'db' | 'clock' | 'config'>, actor: Actor, upload: DocumentUpload): Promise<CouncilDocument> {
  const profile = profileOrFail(await councilProfileId(deps));
  let parsed;
  try {
    parsed = await importProtocolDocument(upload.content, upload.fileName);
  } catch (error) {
    if (error instanceof UnreadableDocumentError) throw new ValidationError([{ field: 'file', message: error.message }]);
    throw error;
  }
  if (parsed.clauses.length === 0) {
    throw new ValidationError([{ field: 'file', message: `${upload.fileName} holds no numbered clauses: upload the protocol itself, as text, Word (.docx) or PDF` }]);
  }
  const now = deps.clock.now();
  const kind = documentKind(upload.content, upload.fileName);
  const document: Omit<StoredDocument, 'id'> = {
    // Named for what it was read as, whatever it was called.
    fileName: nameForContent(upload.fileName, KIND_TYPES[kind]),
    kind,
    sha256: createHash('sha256').update(upload.content).digest('hex'),
    profileId: profile.id,
    clauseCount: parsed.clauses.length,
    versions: parsed.versions,
    warnings: parsed.warnings,
    actor: actor.label,
    createdAt: now.toISOString(),
  };
  const id = await deps.db.kysely.transaction().execute(async (trx) => {
    const id = await insertDocument(trx, document, parsed.clauses);
    await appendAudit(trx, deps.db.dialect, actor, {
      action: 'protocol-document.imported',
      entity: 'protocol_document',
      entityId: id,
      after: { fileName: document.fileName, sha256: document.sha256, profileId: profile.id, clauses: document.clauseCount, versions: document.versions.length },
    }, now);
    return id;
  });
  return { document: { id, ...document }, clauses: parsed.clauses, coverage: coverageReport(parsed, clausesCitedBy(profile)), profile };
}

/** The council's current document with its coverage report, or undefined before one is uploaded. */
export async function councilDocument(deps: Pick<Deps, 'db'>): Promise<CouncilDocument | undefined> {
  const document = await currentDocument(deps.db.kysely);
  if (!document) return undefined;
  const profile = findFullProfile(document.profileId);
  if (!profile) return undefined;
  const clauses = await clausesOf(deps.db.kysely, document.id);
  return { document, clauses, profile, coverage: coverageReport({ clauses, versions: document.versions, warnings: document.warnings }, clausesCitedBy(profile)) };
}

/**
 * The words of each clause an answer cites, from the council's own document. Only for the profile the
 * document was read against: another council's clause 10 is not this one's.
 */
export async function councilClauseTexts(deps: Pick<Deps, 'db'>, profileId: string, cited: readonly string[]): Promise<CitedClause[]> {
  if (cited.length === 0) return [];
  const document = await currentDocument(deps.db.kysely);
  if (!document || document.profileId !== profileId) return [];
  return citedClauses(await clausesOf(deps.db.kysely, document.id), cited);
}
