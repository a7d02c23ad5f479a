// The even-handedness report: for each group over a period, briefings asked for, held and declined, identical
// sessions offered and taken up, and officer hours — with each group's share of the hours against an equal
// share, so that the statutory officers see where one group is served more than another. Pure.
import type { GroupTally, OfferTally } from './briefing.repository.ts';

export type GroupFigures = {
  groupId: number | null;
  name: string;
  requested: number;
  held: number;
  declined: number;
  offersMade: number;
  offersTaken: number;
  offersDeclined: number;
  offersLapsed: number;
  minutes: number;
  hours: number;
  /** Percentage of all officer hours in the period; null for members in no group, who hold no briefings. */
  hoursShare: number | null;
  /** Against an equal share for each group: more than half as much again, or less than half. */
  served: 'more' | 'less' | 'even' | null;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

export function evenHandedness(groups: { id: number; name: string }[], briefings: GroupTally[], offers: OfferTally[]): { groups: GroupFigures[]; noGroup: GroupFigures; totalHours: number } {
  const totalMinutes = briefings.filter((b) => b.status === 'held').reduce((sum, b) => sum + b.minutes, 0);
  const equal = groups.length ? 100 / groups.length : 0;
  const figures = (groupId: number | null, name: string): GroupFigures => {
    const mine = briefings.filter((b) => b.groupId === groupId);
    const count = (status?: string) => mine.filter((b) => status === undefined || b.status === status).reduce((sum, b) => sum + b.count, 0);
    const offered = offers.filter((o) => o.groupId === groupId);
    const offerCount = (status?: string) => offered.filter((o) => status === undefined || o.status === status).reduce((sum, o) => sum + o.count, 0);
    const minutes = mine.filter((b) => b.status === 'held').reduce((sum, b) => sum + b.minutes, 0);
    const share = groupId === null ? null : totalMinutes ? round1((minutes / totalMinutes) * 100) : null;
    return {
      groupId,
      name,
      requested: count(),
      held: count('held'),
      declined: count('declined'),
      offersMade: offerCount(),
      offersTaken: offerCount('accepted'),
      offersDeclined: offerCount('declined'),
      offersLapsed: offerCount('lapsed'),
      minutes,
      hours: round1(minutes / 60),
      hoursShare: share,
      served: share === null ? null : share > equal * 1.5 ? 'more' : share < equal * 0.5 ? 'less' : 'even',
    };
  };
  return { groups: groups.map((g) => figures(g.id, g.name)), noGroup: figures(null, 'Members in no group'), totalHours: round1(totalMinutes / 60) };
}

/** The twelve months to a day: from the day after the same date a year before. */
export function lastYearTo(day: string): { from: string; to: string } {
  const at = new Date(`${day}T00:00:00Z`);
  const from = new Date(Date.UTC(at.getUTCFullYear() - 1, at.getUTCMonth(), at.getUTCDate() + 1));
  return { from: from.toISOString().slice(0, 10), to: day };
}
