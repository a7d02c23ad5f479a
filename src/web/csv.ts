// CSV for spreadsheets (RFC 4180): a header row, every cell quoted when it must be, and a text cell that a
// spreadsheet would run as a formula (starting = + - @, tab or carriage return) made inert with a leading '.

export type CsvCell = string | number | null;

function cell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** A file name safe in a Content-Disposition header. */
export function csvDisposition(name: string): string {
  return `attachment; filename="${name.replace(/[^\w.-]/g, '_')}.csv"`;
}
