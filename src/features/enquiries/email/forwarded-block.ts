// Finds the message a member forwarded inside the body of their email, so that the enquiry can name the
// resident who first wrote rather than the member who passed it on. Mail programs write the forwarded
// message's headers as lines of text above it:
//
//   Outlook                              Gmail                                   Apple Mail
//   -----Original Message-----           ---------- Forwarded message ---------  Begin forwarded message:
//   From: Jane <jane@example.org>        From: Jane <jane@example.org>           From: Jane <jane@example.org>
//   Sent: 10 November 2026 09:14         Date: Tue, 10 Nov 2026 at 09:14         Subject: Potholes
//   To: …                                Subject: Potholes                       Date: 10 November 2026 at 09:14:00 GMT
//   Subject: Potholes                    To: …                                   To: …
//
// Newer Outlook drops the "Original Message" line (HTML mail has a rule there instead), so the block is known
// by its lines, not its marker: a From line followed, before the first line that is not a header, by a Sent or
// Date line. Where a thread holds several, the first is the message the member forwarded.
import type { ForwardedMessage, Mailbox } from './forwarded-email.ts';

const HEADER_LINE = /^\*?(From|Sent|Date|To|Cc|Subject|Importance)\*?:\*?\s*(.*)$/i;

/** A line as written, without the "> " of quoting or the spaces an HTML conversion leaves at its start. */
function unquoted(line: string): string {
  return line.replace(/^(\s*>)+/, '').trim();
}

export function forwardedMessage(text: string): ForwardedMessage | undefined {
  const lines = text.split(/\r?\n/).map(unquoted);
  for (let start = 0; start < lines.length; start++) {
    if (HEADER_LINE.exec(lines[start]!)?.[1]?.toLowerCase() !== 'from') continue;
    const fields = new Map<string, string>();
    let last = '';
    for (let i = start; i < lines.length; i++) {
      const header = HEADER_LINE.exec(lines[i]!);
      if (header) {
        last = header[1]!.toLowerCase();
        if (fields.has(last)) break;
        fields.set(last, header[2]!.trim());
      } else if (lines[i] && (last === 'to' || last === 'cc')) {
        // A long list of recipients wraps onto the next lines.
        fields.set(last, `${fields.get(last)} ${lines[i]}`);
      } else {
        break;
      }
    }
    const sent = fields.get('sent') ?? fields.get('date');
    if (sent === undefined) continue;
    return { from: mailboxFromText(fields.get('from')!), sentAt: sentAtFromText(sent), subject: fields.get('subject') || null };
  }
  return undefined;
}

const ADDRESS = /[^\s<>[\]():;,"']+@[^\s<>[\]():;,"']+\.[^\s<>[\]():;,"'.]+/;

/**
 * "Jane Resident <jane@example.org>", "Jane Resident [mailto:jane@example.org]" (older Outlook), a bare address,
 * or only a name, as Outlook writes a sender inside the council's own Exchange.
 */
export function mailboxFromText(value: string): Mailbox | null {
  const address = ADDRESS.exec(value)?.[0].toLowerCase() ?? null;
  const cut = value.search(/[<[]/);
  const name = (cut >= 0 ? value.slice(0, cut) : address ? '' : value).trim().replace(/^["']+|["']+$/g, '').trim() || null;
  if (!name && !address) return null;
  return { name: name && name.toLowerCase() !== address ? name : null, address };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAY = /\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b,?/gi;
const TIME = String.raw`(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(am|pm)?`;
const ZONE = String.raw`(?:\s*\(?(GMT|UTC|BST|Z|[+-]\d{2}:?\d{2})\)?)?`;
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\s+(\d{4})\s+${TIME}${ZONE}$`, 'i');
const MONTH_FIRST = new RegExp(String.raw`^([a-z]{3,9})\s+(\d{1,2})(?:st|nd|rd|th)?\s+(\d{4})\s+${TIME}${ZONE}$`, 'i');
const NUMERIC = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})\s+${TIME}${ZONE}$`, 'i');

const londonOffset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' });

/** Minutes London is ahead of UTC at an instant: 0 in winter, 60 in summer. */
function londonOffsetAt(ms: number): number {
  const name = londonOffset.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const [, sign, hours, minutes] = /GMT([+-])(\d{2}):(\d{2})/.exec(name) ?? [];
  return sign ? (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) : 0;
}

function zoneOffset(zone: string): number {
  if (/^(GMT|UTC|Z)$/i.test(zone)) return 0;
  if (/^BST$/i.test(zone)) return 60;
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/**
 * The time a forwarded message was sent, as ISO UTC, or null when it cannot be read. Mail programs write it
 * in the forwarder's local time and usually without a zone; the forwarder here is a member of a UK council,
 * so a time without a zone is read as UK time. A date of numbers alone is read day first, as in the UK.
 */
export function sentAtFromText(value: string): string | null {
  const text = value.replace(WEEKDAY, ' ').replace(/\bat\b/gi, ' ').replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  const dayFirst = DAY_FIRST.exec(text);
  const monthFirst = MONTH_FIRST.exec(text);
  const numeric = NUMERIC.exec(text);
  const match = dayFirst ?? monthFirst ?? numeric;
  if (!match) return null;
  const [dayText, monthText] = monthFirst ? [match[2]!, match[1]!] : [match[1]!, match[2]!];
  const month = numeric ? Number(monthText) - 1 : MONTHS.indexOf(monthText.slice(0, 3).toLowerCase());
  const [day, year, minute, second] = [Number(dayText), Number(match[3]), Number(match[5]), Number(match[6] ?? 0)];
  const meridiem = match[7]?.toLowerCase();
  let hour = Number(match[4]);
  if (meridiem && (hour < 1 || hour > 12)) return null;
  if (meridiem) hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  const wall = Date.UTC(year, month, day, hour, minute, second);
  const check = new Date(wall);
  if (month < 0 || check.getUTCDate() !== day || check.getUTCMonth() !== month || hour > 23 || minute > 59 || second > 59) return null;
  const zone = match[8];
  if (zone) return new Date(wall - zoneOffset(zone) * 60_000).toISOString();
  // London's offset at the wall time read as UTC is right except in the hour after the clocks change; the
  // second look settles that hour.
  const first = wall - londonOffsetAt(wall) * 60_000;
  return new Date(wall - londonOffsetAt(first) * 60_000).toISOString();
}
