// A CSV file with a header row, read into rows keyed by column, each with the physical line it starts on.
import { CsvError, parse } from 'csv-parse/sync';
import type { ImportProblem } from './import.records.ts';

export type CsvColumns = {
  required: readonly string[];
  optional: readonly string[];
  /** Other headings councils use for the same column ("Party" for group). */
  aliases: Readonly<Record<string, string>>;
};

export type CsvRow = { line: number; where: string; values: Record<string, string> };
export type CsvTable = { columns: Set<string>; rows: CsvRow[] };

/** "Full Name", "full-name" and "FULL_NAME" are the same heading. */
function normaliseHeading(heading: string): string {
  return heading.trim().toLowerCase().replace(/[\s-]+/g, '_').replace(/[^a-z0-9_]/g, '');
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}

/** The line where a quoted value opens and is never closed (csv-parse reports where the file ends). */
function lineOfUnclosedQuote(text: string): number | null {
  let line = 1;
  let openedOn: number | null = null;
  for (const ch of text) {
    if (ch === '"') openedOn = openedOn === null ? line : null;
    else if (ch === '\n') line += 1;
  }
  return openedOn;
}

export function readCsvTable(raw: string, spec: CsvColumns): { table: CsvTable | null; problems: ImportProblem[] } {
  const text = raw.replace(/\r\n?/g, '\n');
  let records: { record: string[]; raw: string }[];
  try {
    records = parse(text, { raw: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as unknown as { record: string[]; raw: string }[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = error.code === 'CSV_QUOTE_NOT_CLOSED' ? lineOfUnclosedQuote(text) : (error as CsvError & { lines?: number }).lines;
      const reason =
        error.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'a quoted value is never closed (a " is missing)'
          : error.code === 'CSV_INVALID_CLOSING_QUOTE'
            ? 'a quoted value has text after its closing quote; quote the whole value and double any " inside it'
            : error.message.replace(/ at line \d+.*$/, '');
      return { table: null, problems: [{ where: line ? `line ${line}` : 'file', field: 'row', message: reason }] };
    }
    throw error;
  }

  // Each record's raw text, blank lines before it included, says where it starts.
  let linesBefore = 0;
  const numbered = records.map(({ record, raw: source }) => {
    const leading = /^\n*/.exec(source)?.[0].length ?? 0;
    const line = linesBefore + leading + 1;
    linesBefore += countLines(source);
    return { line, values: record.map((v) => v.trim()) };
  });

  const header = numbered.shift();
  if (!header) return { table: null, problems: [{ where: 'file', field: 'file', message: 'the file is empty' }] };
  const known = new Set([...spec.required, ...spec.optional]);
  const headingProblem = (message: string): ImportProblem => ({ where: `line ${header.line}`, field: 'header', message });
  const problems: ImportProblem[] = [];
  const columns = header.values.map((h) => {
    const name = normaliseHeading(h);
    return spec.aliases[name] ?? name;
  });
  const expected = `expected columns ${[...spec.required, ...spec.optional].join(', ')} (the first ${spec.required.length} required)`;
  columns.forEach((column, index) => {
    const heading = header.values[index] ?? '';
    if (column === '') problems.push(headingProblem(`column ${index + 1} has no heading; ${expected}`));
    else if (!known.has(column)) problems.push(headingProblem(`unknown column "${heading}"; ${expected}`));
    else if (columns.indexOf(column) !== index) problems.push(headingProblem(`column "${heading}" appears twice`));
  });
  const missing = spec.required.filter((column) => !columns.includes(column));
  if (missing.length) problems.push(headingProblem(`missing ${missing.length === 1 ? 'column' : 'columns'} ${missing.map((c) => `"${c}"`).join(', ')}; ${expected}`));
  if (problems.length) return { table: null, problems };

  const rows: CsvRow[] = [];
  for (const { line, values } of numbered) {
    if (values.every((v) => v === '')) continue; // a spreadsheet's empty row: ",,,,"
    const extra = values.slice(columns.length);
    if (values.length < columns.length || extra.some((v) => v !== '')) {
      problems.push({ where: `line ${line}`, field: 'row', message: `expected ${columns.length} values, one for each column in the header, found ${values.length}` });
      continue;
    }
    const byColumn: Record<string, string> = {};
    columns.forEach((column, index) => (byColumn[column] = values[index] ?? ''));
    rows.push({ line, where: `line ${line}`, values: byColumn });
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ where: `line ${header.line}`, field: 'file', message: 'there are no rows under the header' });
  return { table: { columns: new Set(columns), rows }, problems };
}
