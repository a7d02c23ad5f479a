// The enquiry list's table, written once for a page of enquiries the list keeps between writes and handed out
// again while that page is kept. A page read afresh has its table written and let go: a WeakMap's entry outlives
// its key until the next full collection, so remembering every page's table (30 KB of text and the rows it is
// made from) would carry each one into the old generation, where under load it cost half the page's time and
// 50 MB of memory.
import type nunjucks from 'nunjucks';
import type { EnquiryListItem } from './enquiry.types.ts';
import { enquiryTable } from './enquiry-table.ts';
import { listRow } from './enquiry.view.ts';

type Written = { day: string; table: nunjucks.runtime.SafeString };

/** `isKept` says whether a page of items is kept now; a table is kept for as long as the page it shows. */
export function keptTables(isKept: (items: readonly EnquiryListItem[]) => boolean) {
  const written = new WeakMap<readonly EnquiryListItem[], Written>();
  /** The table of `items` as on `day` (whether each is overdue depends on the day). */
  return (items: readonly EnquiryListItem[], day: string): nunjucks.runtime.SafeString => {
    const kept = isKept(items);
    const made = kept ? written.get(items) : undefined;
    if (made?.day === day) return made.table;
    const table = enquiryTable(items.map((i) => listRow(i, day)));
    if (kept) written.set(items, { day, table });
    return table;
  };
}
