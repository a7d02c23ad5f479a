// Civica modern.gov's web service (mgWebService.asmx) as councils download it:
//   GetCouncillorsByWard → councillorsbyward/wards/ward{wardtitle, councillors/councillor{councillorid,
//     fullusername, politicalpartytitle, workaddress{…, phone, email}, email, termsofoffice/termofoffice{startdate, enddate}}}
//   GetCommittees → committees/committee{committeeid, committeetitle, committeedeleted, committeeexpired, committeecategory}
// A feed may come bare or inside a SOAP envelope, with one element or several where there can be several, and
// dates as 06/05/2027 or 2027-05-06. Home addresses are never read: they are private.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { inferBodyKind } from './body-kinds.ts';
import type { CommitteeRecord, ImportKind, ImportProblem, MemberRecord, ReadFile } from './import.records.ts';
import { checkMembersTogether, checkTerm, MAX_LENGTH, RecordCheck, tidy } from './record-check.ts';
import { readDate } from './dates.ts';

type Node = Record<string, unknown>;

const ROOTS: Record<string, ImportKind> = { councillorsbyward: 'members', committees: 'committees' };
const OPERATIONS: Record<ImportKind, string> = { members: 'GetCouncillorsByWard', committees: 'GetCommittees' };
const REPEATED = new Set(['ward', 'councillor', 'termofoffice', 'committee']);

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => REPEATED.has(name),
});

function fileProblem(message: string): ImportProblem {
  return { where: 'file', field: 'file', message };
}

function asNode(value: unknown): Node {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : {};
}

function list(value: unknown): Node[] {
  return (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]).map(asNode);
}

/** An element's text; undefined when the element is absent. A repeated element gives its first. */
function text(node: Node, name: string): string | undefined {
  let value = node[name];
  if (Array.isArray(value)) value = value[0];
  if (value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  const inner = asNode(value)['#text'];
  return inner === undefined ? '' : String(inner);
}

/** The modern.gov root, found at the top or inside a SOAP envelope (Envelope/Body/…Response/…Result). */
function findRoot(node: Node, depth = 0): { name: string; node: Node } | null {
  for (const [name, value] of Object.entries(node)) {
    if (ROOTS[name]) return { name, node: asNode(value) };
    if (depth < 4) {
      const inner = findRoot(asNode(value), depth + 1);
      if (inner) return inner;
    }
  }
  return null;
}

/** The line each record's opening tag is on, in document order; comments and CDATA do not count. */
function linesOf(xml: string, tag: string): number[] {
  const blanked = xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, ' '));
  const lines: number[] = [];
  let line = 1;
  let from = 0;
  for (const match of blanked.matchAll(new RegExp(`<(?:[\\w.-]+:)?${tag}(?=[\\s/>])`, 'g'))) {
    for (let i = blanked.indexOf('\n', from); i !== -1 && i < match.index; i = blanked.indexOf('\n', i + 1)) line += 1;
    from = match.index;
    lines.push(line);
  }
  return lines;
}

type Parsed = { ok: true; root: Node } | { ok: false; problem: ImportProblem };

function parseFeed(xml: string, kind: ImportKind): Parsed {
  if (/<!ENTITY/i.test(xml)) return { ok: false, problem: fileProblem('the XML declares entities, which a modern.gov feed never does; it was not read') };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return { ok: false, problem: { where: `line ${valid.err.line}`, field: 'xml', message: `the XML is malformed: ${valid.err.msg}` } };
  }
  const found = findRoot(asNode(parser.parse(xml)));
  if (!found) {
    const root = /<(?:[\w.-]+:)?([\w.-]+)/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''))?.[1] ?? '?';
    return { ok: false, problem: fileProblem(`expected modern.gov's <councillorsbyward> (GetCouncillorsByWard) or <committees> (GetCommittees), found <${root}>`) };
  }
  const fileKind = ROOTS[found.name]!;
  if (fileKind !== kind) {
    return { ok: false, problem: fileProblem(`this is modern.gov's ${OPERATIONS[fileKind]}, which lists ${fileKind}; import it as ${fileKind}, or choose the ${OPERATIONS[kind]} file`) };
  }
  return { ok: true, root: found.node };
}

function yes(value: string | undefined): boolean {
  return /^(true|1|yes|y)$/i.test(tidy(value ?? ''));
}

function readTerm(check: RecordCheck, councillor: Node, termEndsOn: string | undefined): { termStart: string; termEnd: string } {
  const holder = asNode(councillor.termsofoffice);
  const terms = holder.termofoffice !== undefined ? list(holder.termofoffice) : text(holder, 'startdate') !== undefined ? [holder] : [];
  if (terms.length === 0) {
    check.fail('termsofoffice', 'no term of office; expected a termofoffice with a startdate and enddate');
    return { termStart: '', termEnd: '' };
  }
  // The current term is the one that began last.
  const latest = terms.reduce((best, term) => ((readDate(text(term, 'startdate') ?? '') ?? '') > (readDate(text(best, 'startdate') ?? '') ?? '') ? term : best));
  const termStart = check.date('startdate', text(latest, 'startdate'));
  const termEnd = check.termEnd('enddate', text(latest, 'enddate'), termEndsOn);
  checkTerm(check, 'enddate', termStart, termEnd);
  return { termStart, termEnd };
}

export function readCouncillorsByWard(xml: string, options: { termEndsOn?: string | undefined } = {}): ReadFile<MemberRecord> {
  const fields = { name: 'fullusername', groupRole: 'group_role', seats: 'members' };
  const problems: ImportProblem[] = [];
  const result: ReadFile<MemberRecord> = { format: 'moderngov-xml', records: [], skipped: 0, fields, problems };
  const parsed = parseFeed(xml, 'members');
  if (!parsed.ok) return { ...result, problems: [parsed.problem] };
  const lines = linesOf(xml, 'councillor');
  let position = 0;
  for (const ward of list(asNode(parsed.root.wards).ward)) {
    const wardTitle = tidy(text(ward, 'wardtitle') ?? '');
    for (const councillor of list(asNode(ward.councillors).councillor)) {
      position += 1;
      const id = tidy(text(councillor, 'councillorid') ?? '');
      const where = `${lines[position - 1] ? `line ${lines[position - 1]}, ` : ''}councillor ${position}${id ? ` (id ${id})` : ''}`;
      const check = new RecordCheck(where, problems);
      const work = asNode(councillor.workaddress);
      const email = text(councillor, 'email') ?? text(work, 'email');
      const phone = text(work, 'phone') ?? text(work, 'mobile');
      const record: MemberRecord = {
        where,
        externalId: check.required('councillorid', id, MAX_LENGTH.id),
        fullName: check.personName('fullusername', text(councillor, 'fullusername')),
        email: check.email('email', email),
        phone: check.optional('phone', phone, MAX_LENGTH.phone),
        ward: wardTitle === '' ? null : wardTitle,
        group: check.groupName('politicalpartytitle', text(councillor, 'politicalpartytitle')),
        ...readTerm(check, councillor, options.termEndsOn),
      };
      if (check.ok) result.records.push(record);
    }
  }
  if (position === 0) problems.push(fileProblem('the file lists no councillors'));
  checkMembersTogether(result.records, problems, 'councillorid', 'group_role');
  return result;
}

export function readCommittees(xml: string, options: { councilKind?: 'principal' | 'town' } = {}): ReadFile<CommitteeRecord> {
  const fields = { name: 'committeetitle', groupRole: 'group_role', seats: 'members' };
  const problems: ImportProblem[] = [];
  const result: ReadFile<CommitteeRecord> = { format: 'moderngov-xml', records: [], skipped: 0, fields, problems };
  const parsed = parseFeed(xml, 'committees');
  if (!parsed.ok) return { ...result, problems: [parsed.problem] };
  const lines = linesOf(xml, 'committee');
  const ids = new Map<string, string>();
  const names = new Map<string, string>();
  const committees = list(parsed.root.committee);
  committees.forEach((committee, index) => {
    const id = tidy(text(committee, 'committeeid') ?? '');
    const where = `${lines[index] ? `line ${lines[index]}, ` : ''}committee ${index + 1}${id ? ` (id ${id})` : ''}`;
    // A committee modern.gov has deleted or marked expired is history, not part of today's directory.
    if (yes(text(committee, 'committeedeleted')) || yes(text(committee, 'committeeexpired'))) {
      result.skipped += 1;
      return;
    }
    const check = new RecordCheck(where, problems);
    const externalId = check.required('committeeid', id, MAX_LENGTH.id);
    const name = check.required('committeetitle', text(committee, 'committeetitle'));
    const category = text(committee, 'committeetype') ?? text(committee, 'committeecategory');
    const record: CommitteeRecord = { where, externalId, name, kind: inferBodyKind(name, category, options.councilKind ?? 'principal') };
    if (externalId && ids.has(externalId)) check.fail('committeeid', `"${externalId}" is also the id at ${ids.get(externalId)}`);
    else ids.set(externalId, where);
    if (name && names.has(name.toLowerCase())) check.fail('committeetitle', `"${name}" is also the title at ${names.get(name.toLowerCase())}; each body needs its own name`);
    else names.set(name.toLowerCase(), where);
    if (check.ok) result.records.push(record);
  });
  if (committees.length === 0) problems.push(fileProblem('the file lists no committees'));
  return result;
}
