// The enquiry list's table, the one long table on a busy page: the markup govukTable and govukTag give for these
// rows, written out by a function instead of two macro calls a row (enquiry-table.test.ts checks it is the same).
// Values are escaped as Nunjucks autoescaping escapes them (html-text.ts).
import nunjucks from 'nunjucks';
import { formatDate } from '../../web/format.ts';
import { escapeHtml } from '../../web/html-text.ts';
import type { listRow } from './enquiry.view.ts';

export type EnquiryTableRow = ReturnType<typeof listRow>;

export const ENQUIRY_TABLE_CAPTION = 'Enquiries, soonest deadline first';
export const ENQUIRY_TABLE_HEAD = ['Enquiry', 'Member', 'Officer', 'Due', 'Status'] as const;

function e(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : escapeHtml(String(value));
}

const OVERDUE = { text: 'Overdue', classes: 'govuk-tag--red' };
const tag = (t: { text: string; classes: string }) => `<strong class="govuk-tag${t.classes ? ` ${e(t.classes)}` : ''}">\n  ${e(t.text)}\n</strong>\n`;

/** The cells' contents, as list.njk's table would put them in govukTable's `html` (see the test's reference). */
export function enquiryCells(r: EnquiryTableRow): string[] {
  return [
    `<a class="govuk-link" href="/enquiries/${e(r.id)}">${e(r.reference)}</a><br>${e(r.subject)}`,
    `${e(r.memberName)}${r.wardName ? `<br><span class="govuk-!-font-size-16">${e(r.wardName)}</span>` : ''}`,
    e(r.assignedOfficerName || 'Not yet assigned'),
    `<span class="nolan-nowrap">${e(r.dueOn ? formatDate(r.dueOn) : '')}</span>${r.overdue ? `<br>${tag(OVERDUE)}` : ''}`,
    tag(r.tag),
  ];
}

export function enquiryTableHtml(rows: readonly EnquiryTableRow[]): string {
  let html = `<table class="govuk-table">\n  <caption class="govuk-table__caption govuk-visually-hidden">${ENQUIRY_TABLE_CAPTION}</caption>\n  <thead class="govuk-table__head">\n    <tr class="govuk-table__row">\n`;
  for (const text of ENQUIRY_TABLE_HEAD) html += `      <th scope="col" class="govuk-table__header">${text}</th>\n`;
  html += '    </tr>\n  </thead>\n  <tbody class="govuk-table__body">\n';
  for (const row of rows) {
    html += '    <tr class="govuk-table__row">\n';
    for (const cell of enquiryCells(row)) html += `      <td class="govuk-table__cell">${cell}</td>\n`;
    html += '    </tr>\n';
  }
  return `${html}  </tbody>\n</table>\n`;
}

/** For templates: `{{ enquiryTable(rows) }}`, already escaped. */
export function enquiryTable(rows: readonly EnquiryTableRow[]): nunjucks.runtime.SafeString {
  return new nunjucks.runtime.SafeString(enquiryTableHtml(rows));
}
