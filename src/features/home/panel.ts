// A home-page panel: a heading, an optional line that sums it up, and facts that link to their detail.
import { formatDate } from '../../web/format.ts';

export type PanelItem = { text: string; href?: string; hint?: string };
export type Panel = { title: string; summary?: string; items: PanelItem[] };

/** Whole days from one date to another (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A long list shortened to its first few, saying how many more there are. */
export function firstFew<T>(items: T[], show: (item: T) => PanelItem, limit = 8): PanelItem[] {
  const shown = items.slice(0, limit).map(show);
  if (items.length > limit) shown.push({ text: `and ${items.length - limit} more` });
  return shown;
}

export { formatDate };
