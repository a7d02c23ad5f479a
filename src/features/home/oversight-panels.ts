// What democratic services and administrators see first: the gaps in the directory and the accounts that
// need a look.
import type { Deps } from '../../deps.ts';
import { listMembersWithoutAccount, listTermsEndingBy } from '../directory/members.repository.ts';
import { listBodies } from '../directory/bodies.repository.ts';
import { listStatutoryRoles } from '../directory/statutory-roles.repository.ts';
import { statutoryOfficers } from '../directory/statutory-officers.ts';
import { councilSummary } from '../directory/council.repository.ts';
import { countAccounts, listLockedAccounts, listNeverSignedIn } from './attention.repository.ts';
import { addDays, firstFew, formatDate, plural, type Panel } from './panel.ts';
import { formatDateTime } from '../../web/format.ts';
import { councilDocument } from '../protocol-document/protocol-document.service.ts';
import { orphanedEnquiries } from '../enquiries/enquiry.repository.ts';

/** How far ahead democratic services look for terms of office coming to an end. */
export const TERM_WARNING_DAYS = 90;
/** How many of a panel's items are listed before "and N more". */
const SHOWN = 8;

export async function democraticServicesPanels(deps: Pick<Deps, 'db'>, day: string): Promise<Panel[]> {
  const db = deps.db.kysely;
  const withoutAccount = await listMembersWithoutAccount(db, day);
  const ending = await listTermsEndingBy(db, day, addDays(day, TERM_WARNING_DAYS));
  const bodies = await listBodies(db, day);
  const roles = await listStatutoryRoles(db);
  const council = await councilSummary(db);
  const unchaired = bodies.filter((b) => b.chairId === null);
  const vacant = statutoryOfficers(roles, council?.kind ?? 'principal', day).filter((s) => s.holders.length === 0);
  const protocol = await councilDocument(deps);
  const orphaned = await orphanedEnquiries(db, day, SHOWN);
  return [
    {
      title: 'Enquiries from members no longer in office',
      summary: orphaned.count
        ? `${plural(orphaned.count, 'open enquiry', 'open enquiries')} whose member’s term has ended: close each, or pass it to a ward colleague with the resident’s consent.`
        : 'No open enquiry belongs to a member whose term has ended.',
      items: [
        ...orphaned.first.map((e) => ({ text: `${e.reference}: ${e.subject}`, href: `/enquiries/${e.id}`, hint: e.memberName })),
        ...(orphaned.count > SHOWN ? [{ text: `and ${orphaned.count - SHOWN} more` }] : []),
      ],
    },
    {
      title: 'Members without a sign-in',
      summary: withoutAccount.length ? `${plural(withoutAccount.length, 'member')} in office cannot sign in to Nolan yet.` : 'Every member in office has a sign-in.',
      items: firstFew(withoutAccount, (m) => ({ text: m.fullName, href: `/members/${m.id}`, hint: m.wardName ?? undefined })),
    },
    {
      title: `Terms of office ending in the next ${TERM_WARNING_DAYS} days`,
      summary: ending.length ? `${plural(ending.length, 'member')}: their member rights end on the day shown.` : `No member’s term ends in the next ${TERM_WARNING_DAYS} days.`,
      items: firstFew(ending, (m) => ({ text: m.fullName, href: `/members/${m.id}`, hint: `Term ends ${formatDate(m.termEnd)}` })),
    },
    {
      title: 'Bodies without a chair',
      summary: unchaired.length ? `${plural(unchaired.length, 'body', 'bodies')} with no chair in office.` : 'Every body has a chair.',
      items: unchaired.map((b) => ({ text: b.name, href: `/bodies/${b.id}` })),
    },
    {
      title: 'Statutory roles with no holder',
      summary: vacant.length ? 'Until a holder is appointed, no one has these powers in Nolan.' : 'Every statutory role the council must fill has a holder.',
      items: vacant.map((s) => ({ text: s.label, href: '/officers' })),
    },
    {
      title: 'The council’s protocol document',
      summary: protocol
        ? `${protocol.document.fileName}, uploaded ${formatDate(protocol.document.createdAt.slice(0, 10))}: ${plural(protocol.coverage.uncited.length, 'clause')} that no rule cites yet, ${plural(protocol.coverage.missing.length, 'cited clause')} missing from it.`
        : 'Not uploaded yet: answers cite clause numbers without the clauses’ own words.',
      items: [{ text: protocol ? 'Read the coverage report or upload a newer version' : 'Upload the protocol document', href: '/admin/protocol' }],
    },
  ];
}

export async function adminPanels(deps: Pick<Deps, 'db'>, now: Date): Promise<Panel[]> {
  const db = deps.db.kysely;
  const counts = await countAccounts(db);
  const locked = await listLockedAccounts(db, now.toISOString());
  const never = await listNeverSignedIn(db);
  return [
    {
      title: 'Accounts',
      summary: `${plural(counts.total, 'account')}, ${counts.disabled} disabled.`,
      items: [
        ...(locked.length ? locked.map((a) => ({ text: `Locked: ${a.fullName} (${a.email})`, hint: `until ${formatDateTime(a.lockedUntil ?? '')}` })) : [{ text: 'No account is locked' }]),
        { text: never.length ? `${plural(never.length, 'account')} never signed in` : 'Everyone has signed in at least once' },
        ...firstFew(never, (a) => ({ text: a.fullName, hint: a.email }), 5),
      ],
    },
  ];
}
