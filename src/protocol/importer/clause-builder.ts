// Turns logical lines into clauses, keeping the council's own numbering. Three habits of protocol
// documents shape it: unnumbered text belongs to the clause before it; sub-items are clauses of their
// own that their clause still contains; and numbering that starts again under a heading ("Additional
// Guidance Notes", "Appendix 2") begins a new part whose clauses carry its name ("Guidance 2.1").
import { listLabel, looksLikeTitle, partName } from './headings.ts';
import { firstKindOf, followsOn, goesBack, isNextIn, kindsOf, type ListKind } from './markers.ts';
import type { SourceLine } from './source-lines.ts';
import type { ProtocolClause } from './types.ts';

type Draft = { id: string; lines: string[]; heading?: string; parent?: string; title?: string; role: 'clause' | 'list' | 'item' | 'footnote' };
type Level = { kind: ListKind; last: string; written: string; owner: Draft; current: Draft };

export class ClauseBuilder {
  readonly warnings: string[] = [];
  private readonly drafts: Draft[] = [];
  private readonly byId = new Map<string, Draft>();
  private prefix = '';
  private last: { segments: number[]; label: string } | null = null;
  private heading: string | undefined;
  private documentTitle: string | undefined;
  private textSeen = false;
  /** The last line stopped in mid-sentence, so a short line after it goes on with it, not a heading. */
  private sentenceOpen = false;
  private headingsSinceClause: string[] = [];
  private clause: Draft | null = null;
  private list: Draft | null = null;
  private listsInClause = 1;
  private levels: Level[] = [];
  /** Text has come between the clause's items: a later "(a)" begins another list. */
  private itemsClosed = false;
  private bulletsInItem = false;
  private intro: string | null = null;
  private footnote: Draft | null = null;
  /** A clause ending in a paragraph of its own, which may rather be closing text of the whole part. */
  private loose: Draft | null = null;

  add(line: SourceLine): void {
    let brokeOff = false;
    if (line.kind === 'numbered') {
      this.numbered(line);
      brokeOff = looksLikeTitle(line.text);
    } else if (line.kind === 'item') this.item(line, false);
    else if (line.kind === 'dotted') {
      if (!this.item(line, true)) brokeOff = this.text({ ...line, kind: 'text', text: `${line.written} ${line.text}` });
    } else if (line.kind === 'footnote') {
      this.footnoteLine(line);
      brokeOff = true;
    } else brokeOff = this.text(line);
    // Footnotes and headings need no full stop; any other line without one leaves its sentence open.
    this.sentenceOpen = !brokeOff && !/[.:;!?)"'”’]$/.test(line.text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, ''));
  }

  finish(): ProtocolClause[] {
    this.noteLoose();
    if (!this.drafts.some((d) => d.role === 'clause')) this.warnings.push('no numbered clauses were found: the document may number its paragraphs automatically, or not at all');
    return this.drafts.map((d) => {
      const clause: ProtocolClause = { id: d.id, text: d.lines.join('\n') };
      if (d.heading) clause.heading = d.heading;
      if (d.parent) clause.parent = d.parent;
      return clause;
    });
  }

  private keep(draft: Draft): Draft {
    this.drafts.push(draft);
    this.byId.set(draft.id, draft);
    return draft;
  }

  private unique(id: string): string {
    if (!this.byId.has(id)) return id;
    let n = 2;
    while (this.byId.has(`${id} (${n})`)) n++;
    this.warnings.push(`${id} appears more than once: the later one is read as "${id} (${n})"`);
    return `${id} (${n})`;
  }

  private titleAbove(id: string | undefined): string | undefined {
    for (let draft = id ? this.byId.get(id) : undefined; draft; draft = draft.parent ? this.byId.get(draft.parent) : undefined) {
      if (draft.title) return draft.title;
    }
    return undefined;
  }

  /** The clause and the open list and items that text now belongs to, outermost first. */
  private chain(): Draft[] {
    return this.clause ? [this.clause, ...(this.list ? [this.list] : []), ...this.levels.map((l) => l.current)] : [];
  }

  private noteLoose(): void {
    const id = this.loose?.id;
    if (id) this.warnings.push(`the unnumbered paragraph after ${id}, at the end of its numbered clauses, is read as part of ${id}`);
    this.loose = null;
  }

  private numbered(line: SourceLine): void {
    // Some councils number the sub-items of a decimal clause "1.", "2.": read those as items.
    if (line.segments.length === 1 && this.last && this.last.segments.length > 1 && !this.headingsSinceClause.length && !looksLikeTitle(line.text)) {
      if (this.item({ ...line, written: `${line.label}.` }, true)) return;
    }
    const last = this.last;
    if (last && goesBack(last.segments, line.segments)) {
      if (this.headingsSinceClause.length) this.startPart(line.label);
      else this.warnings.push(`${line.label} comes after ${last.label}: the numbering goes back`);
    } else if (last && !followsOn(last.segments, line.segments)) {
      this.warnings.push(`the numbering jumps from ${last.label} to ${line.label}`);
    }
    const named = (number: string) => (this.prefix ? `${this.prefix} ${number}` : number);
    const parentId = line.segments.length > 1 ? named(line.segments.slice(0, -1).join('.')) : undefined;
    const parent = parentId && this.byId.has(parentId) ? parentId : undefined;
    const title = looksLikeTitle(line.text) ? line.text : undefined;
    const draft: Draft = { id: this.unique(named(line.label)), lines: line.text ? [line.text] : [], role: 'clause' };
    const heading = this.titleAbove(parent) ?? this.heading;
    if (heading) draft.heading = heading;
    if (parent) draft.parent = parent;
    if (title) draft.title = title;
    this.clause = this.keep(draft);
    this.list = null;
    this.listsInClause = 1;
    this.levels = [];
    this.itemsClosed = false;
    this.bulletsInItem = false;
    this.intro = null;
    this.footnote = null;
    this.loose = null;
    this.headingsSinceClause = [];
    this.last = { segments: line.segments, label: line.label };
  }

  private startPart(number: string): void {
    this.noteLoose();
    const name = partName(this.headingsSinceClause) ?? this.headingsSinceClause.at(-1)!;
    if (!partName(this.headingsSinceClause)) this.warnings.push(`the numbering starts again under "${name}": its clauses are read as "${name} ${number}" and on`);
    this.prefix = name;
    this.last = null;
  }

  /** Places a sub-item; a tentative one (a dotted or bare-numbered line) only where a list can start or go on. */
  private item(line: SourceLine, tentative: boolean): boolean {
    const clause = this.clause;
    if (!clause) {
      if (!tentative) this.warnings.push(`${line.written} "${line.text.split(' ').slice(0, 6).join(' ')}…" is not inside a numbered clause: it was left out`);
      return !tentative;
    }
    const marker = line.label;
    const kinds = kindsOf(marker);
    let depth = -1;
    for (let d = this.levels.length - 1; d >= 0 && depth < 0; d--) {
      const level = this.levels[d]!;
      if (kinds.includes(level.kind) && isNextIn(level.kind, level.last, marker)) depth = d;
    }
    if (depth >= 0) {
      // A bare "5." goes on only from a list written the same way.
      if (tentative && line.kind === 'numbered' && !this.levels[depth]!.written.endsWith('.')) return false;
      this.levels.length = depth + 1;
      this.attach(this.levels[depth]!, line);
      return true;
    }
    const kind = firstKindOf(marker);
    if (!kind) {
      if (tentative) return false;
      this.warnings.push(`${line.written} in ${clause.id} is out of sequence`);
      const d = this.levels.findLastIndex((l) => kinds.includes(l.kind));
      if (d >= 0) {
        this.levels.length = d + 1;
        this.attach(this.levels[d]!, line);
      } else this.open(kinds[0]!, this.levels.at(-1)?.current ?? this.list ?? clause, line);
      return true;
    }
    const same = this.levels.findIndex((l) => l.kind === kind);
    if (same === 0 || (this.itemsClosed && this.levels.length > 0)) {
      this.levels = [];
      this.open(kind, this.newList(clause), line);
    } else if (same > 0) {
      this.levels.length = same;
      this.open(kind, this.levels[same - 1]!.current, line);
    } else this.open(kind, this.levels.at(-1)?.current ?? this.list ?? clause, line);
    return true;
  }

  /** A second list in one clause, after a lead-in such as "Officers can expect from Members:". */
  private newList(clause: Draft): Draft {
    this.listsInClause++;
    const label = listLabel(this.intro) ?? `list ${this.listsInClause}`;
    if (!listLabel(this.intro)) this.warnings.push(`${clause.id} has a further list starting again at its first item: its items are read as "${clause.id} (${label}) (a)" and on`);
    const list: Draft = { id: this.unique(`${clause.id} (${label})`), lines: this.intro ? [this.intro] : [], parent: clause.id, role: 'list' };
    const heading = this.titleAbove(clause.id) ?? clause.heading;
    if (heading) list.heading = heading;
    this.list = this.keep(list);
    return list;
  }

  private open(kind: ListKind, owner: Draft, line: SourceLine): void {
    const level: Level = { kind, last: '', written: line.written, owner, current: owner };
    this.levels.push(level);
    this.attach(level, line);
  }

  private attach(level: Level, line: SourceLine): void {
    const owner = level.owner;
    const id = this.unique(`${owner.id}${owner.role === 'list' ? ' ' : ''}(${line.label})`);
    const item: Draft = { id, lines: line.text ? [line.text] : [], parent: owner.id, role: 'item' };
    const heading = this.titleAbove(owner.id) ?? this.clause?.heading;
    if (heading) item.heading = heading;
    // The clause keeps its whole text: each item goes into every clause, list and item that holds it.
    const holders = [...(this.clause ? [this.clause] : []), ...(this.list ? [this.list] : []), ...this.levels.slice(0, this.levels.indexOf(level)).map((l) => l.current)];
    for (const holder of holders) holder.lines.push(`${line.written} ${line.text}`.trim());
    level.last = line.label;
    level.written = line.written;
    level.current = this.keep(item);
    this.itemsClosed = false;
    this.bulletsInItem = false;
    this.intro = null;
    this.footnote = null;
  }

  private footnoteLine(line: SourceLine): void {
    const draft: Draft = { id: this.unique(`footnote ${line.label}`), lines: line.text ? [line.text] : [], role: 'footnote' };
    this.footnote = this.keep(draft);
  }

  /** Adds a paragraph, bullet or heading line; true when it was a heading. */
  private text(line: SourceLine): boolean {
    // A heading-like line inside a footnote is a citation ("S.9 Local Government … Act 1989"), not a heading.
    if (!line.bullet && line.blankBefore && !this.sentenceOpen && looksLikeTitle(line.text) && !(this.footnote && /\d/.test(line.text))) {
      // The document's own title, first in it and naming what it is (and often repeated under a version
      // table), heads no clause.
      const namesTheDocument = /\b(?:protocol|council|constitution|section|code|relations)\b/i.test(line.text);
      const isTitle = this.documentTitle === undefined ? !this.textSeen && namesTheDocument : this.documentTitle.toLowerCase() === line.text.toLowerCase();
      this.textSeen = true;
      if (!this.drafts.length && isTitle) {
        this.documentTitle = line.text;
        return true;
      }
      this.heading = line.text;
      this.headingsSinceClause.push(line.text);
      this.footnote = null;
      this.clause = null;
      this.list = null;
      this.levels = [];
      return true;
    }
    this.textSeen = true;
    const written = line.bullet ? `- ${line.text}` : line.text;
    if (this.footnote && !line.bullet) {
      this.footnote.lines.push(written);
      return false;
    }
    this.footnote = null;
    const clause = this.clause;
    if (!clause) {
      if (this.drafts.length) this.warnings.push(`"${line.text.split(' ').slice(0, 6).join(' ')}…" under "${this.heading ?? ''}" is in no numbered clause: it was left out`);
      return false;
    }
    if (this.levels.length && !this.itemsClosed) {
      const current = this.levels.at(-1)!.current;
      // Bullets under an item that ends "…the following:" are that item's.
      if (line.bullet && (this.bulletsInItem || /:\s*-?$/.test(current.lines.at(-1) ?? ''))) {
        for (const holder of this.chain()) holder.lines.push(written);
        this.bulletsInItem = true;
        return false;
      }
      this.itemsClosed = true;
    }
    if (this.itemsClosed) this.intro = line.text;
    else if (!line.bullet && clause.lines.length && !clause.title) this.loose = clause;
    clause.lines.push(written);
    return false;
  }
}
