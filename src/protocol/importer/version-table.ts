// A protocol's version table (version, date of adoption, minute reference, review date, reviewer), as
// town and parish councils keep at the head of their documents. Columns are found by their headings,
// so a council's own order and wording of them does not matter.

export type ProtocolVersionRow = {
  version: string;
  /** YYYY-MM-DD, or null when the table gives no full date. */
  adoptedOn: string | null;
  minute: string | null;
  /** YYYY-MM-DD, or YYYY-MM where the table names only a month ("March 2027"). */
  reviewDue: string | null;
  reviewer: string | null;
};

type Column = keyof ProtocolVersionRow;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function columnOf(heading: string): Column | null {
  const h = heading.toLowerCase();
  if (/originator|reviewer|author|owner|officer/.test(h)) return 'reviewer';
  if (/review/.test(h)) return 'reviewDue';
  if (/minute|resolution/.test(h)) return 'minute';
  if (/adopt|approv|agreed/.test(h)) return 'adoptedOn';
  if (/version|issue/.test(h)) return 'version';
  return null;
}

function cells(line: string): string[] {
  const trimmed = line.trim();
  let parts: string[];
  if (trimmed.includes('\t')) parts = trimmed.split('\t');
  else if (trimmed.includes('|')) parts = trimmed.replace(/^\||\|$/g, '').split('|');
  else parts = trimmed.split(/\s{2,}/);
  return parts.map((c) => c.replace(/\s+/g, ' ').trim());
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  return MONTHS.findIndex((m) => m === lower || (lower.length >= 3 && m.startsWith(lower.replace(/\.$/, '')))) + 1;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDay(year: number, month: number, day: number): boolean {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** A British date as written in a table ("17.3.2020", "17/03/20", "17th March 2020", "2020-03-17") or a month ("March 2021"). */
export function britishDate(written: string): { iso: string; precision: 'day' | 'month' } | null {
  const text = written.trim().replace(/(\d)(st|nd|rd|th)\b/i, '$1');
  let day: number, month: number, year: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/.exec(text))) {
    [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})\s+([a-z]+\.?),?\s+(\d{2}|\d{4})$/i.exec(text))) {
    [day, month, year] = [Number(match[1]), monthNumber(match[2]!), Number(match[3])];
  } else if ((match = /^([a-z]+\.?),?\s+(\d{4})$/i.exec(text))) {
    const m = monthNumber(match[1]!);
    return m ? { iso: `${match[2]}-${pad(m)}`, precision: 'month' } : null;
  } else return null;
  if (year < 100) year += 2000;
  if (!validDay(year, month, day)) return null;
  return { iso: `${year}-${pad(month)}-${pad(day)}`, precision: 'day' };
}

function isHeader(row: string[]): boolean {
  const columns = row.map(columnOf);
  return row.length >= 3 && columns.includes('version') && columns.includes('adoptedOn');
}

function toRow(columns: (Column | null)[], row: string[], warnings: string[]): ProtocolVersionRow {
  const value = (column: Column) => {
    const index = columns.indexOf(column);
    return index >= 0 && row[index] ? row[index] : null;
  };
  const version = value('version') ?? '';
  const adoptedText = value('adoptedOn');
  const adopted = adoptedText ? britishDate(adoptedText) : null;
  if (adoptedText && adopted?.precision !== 'day') warnings.push(`version ${version}: the date of adoption "${adoptedText}" is not a full date`);
  const reviewText = value('reviewDue');
  const review = reviewText ? britishDate(reviewText) : null;
  if (reviewText && !review) warnings.push(`version ${version}: the review date "${reviewText}" is not a date`);
  return {
    version,
    adoptedOn: adopted?.precision === 'day' ? adopted.iso : null,
    minute: value('minute'),
    reviewDue: review?.iso ?? null,
    reviewer: value('reviewer'),
  };
}

/**
 * Finds the first version table among the lines: its rows, and the lines it took up (so that they
 * are not read again as clauses).
 */
export function readVersionTable(lines: readonly string[]): { versions: ProtocolVersionRow[]; tableLines: Set<number>; warnings: string[] } {
  const warnings: string[] = [];
  const tableLines = new Set<number>();
  const versions: ProtocolVersionRow[] = [];
  const start = lines.findIndex((line) => isHeader(cells(line)));
  if (start < 0) return { versions, tableLines, warnings };
  const columns = cells(lines[start]!).map(columnOf);
  tableLines.add(start);
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) {
      if (versions.length) break;
      continue;
    }
    if (/^[\s|:-]+$/.test(line)) {
      tableLines.add(i);
      continue;
    }
    const row = cells(line);
    // A row starts with a short version name; a line of prose after the table does not.
    if (row.length < 2 || row[0]!.length > 24) break;
    tableLines.add(i);
    versions.push(toRow(columns, row, warnings));
  }
  return { versions, tableLines, warnings };
}
