// A briefing as its page shows it: the protocol's answer in words, and each duty with whether it has been
// carried out, read from the notices, offers and record the briefing has. Pure: data in, view model out.
import type { Decision } from '../../protocol/types.ts';
import { findFullProfile } from '../../protocol/profiles/index.ts';
import { headline, partyLabel } from '../../protocol/wording.ts';
import { formatDate } from '../../web/format.ts';
import { briefingReference, OFFER_LABELS, STATUS_LABELS, type Briefing, type BriefingNotice, type BriefingOffer, type BriefingStatus } from './briefing.types.ts';

const STATUS_CLASSES: Record<BriefingStatus, string> = { requested: 'govuk-tag--blue', accepted: 'govuk-tag--purple', declined: 'govuk-tag--red', held: 'govuk-tag--green', 'not-held': 'govuk-tag--grey' };

export function statusTag(status: BriefingStatus) {
  return { text: STATUS_LABELS[status], classes: STATUS_CLASSES[status] };
}

export function offerTag(o: BriefingOffer) {
  const classes = { offered: 'govuk-tag--blue', accepted: 'govuk-tag--green', declined: 'govuk-tag--grey', lapsed: 'govuk-tag--yellow' }[o.status];
  return { text: OFFER_LABELS[o.status], classes };
}

export function answerOf(b: Briefing) {
  const profile = findFullProfile(b.profileId);
  const decision = { ...b.decision, question: 'group-briefing', consult: [], deadline: null, needs: [] } as Decision;
  return {
    headline: profile ? headline(decision, profile) : b.decision.outcome,
    strength: b.decision.strength,
    decider: profile && b.decision.decider ? partyLabel(profile, b.decision.decider) : null,
    route: profile ? b.decision.route.map((stage) => stage.map((p) => partyLabel(profile, p)).join(' or ')) : [],
    reasons: b.decision.explanation.filter((e) => e.held === true && b.decision.clauses.some((c) => e.clauses.includes(c))).map((e) => ({ clauses: e.clauses.join(', '), because: e.because })),
    clauses: b.decision.clauses.join(', '),
    warnings: b.decision.warnings,
    // Obligations no workflow step carries out: for the officer and the group to observe.
    toObserve: b.decision.obligations.filter((o) => !b.duties.some((d) => d.what === o.what)).map((o) => ({ what: o.what, clauses: o.clauses.join(', ') })),
  };
}

type DutyState = { state: 'done' | 'due' | 'not-needed' | 'not-done'; text: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function dutyState(b: Briefing, duty: Briefing['duties'][number]['duty'], notices: BriefingNotice[], offers: BriefingOffer[]): DutyState {
  const over = b.status === 'declined' || b.status === 'not-held';
  switch (duty) {
    case 'tell-other-groups-of-attendance':
    case 'tell-other-groups-attendance-and-subject': {
      const sent = notices.filter((n) => n.kind === 'attendance').sort((a, b) => a.recipientName.localeCompare(b.recipientName));
      if (sent.length) return { state: 'done', text: `Told on ${formatDate(sent[0]!.createdAt)}: ${sent.map((n) => n.recipientName).join('; ')}` };
      if (over) return { state: 'not-needed', text: 'Not needed: the officer did not attend' };
      return { state: 'due', text: 'Sent when the briefing is recorded as held' };
    }
    case 'offer-identical-session': {
      if (b.offeredFromBriefingId !== null) return { state: 'not-needed', text: `Not needed: this is itself the identical session offered from ${briefingReference(b.offeredFromBriefingId)}` };
      if (offers.length) return { state: 'done', text: `Offered to ${plural(offers.length, 'recipient')}: ${offers.map((o) => `${o.groupName ?? o.memberName} (${OFFER_LABELS[o.status].toLowerCase()})`).join('; ')}` };
      if (b.status === 'declined') return { state: 'not-needed', text: 'Not needed: the officer declined' };
      return { state: 'due', text: 'Made when the officer accepts' };
    }
    case 'include-members-in-no-group': {
      const loners = [...notices.filter((n) => n.groupId === null).map((n) => n.recipientName), ...offers.filter((o) => o.memberId !== null).map((o) => `${o.memberName} (offer ${OFFER_LABELS[o.status].toLowerCase()})`)];
      return loners.length ? { state: 'done', text: `Included: ${[...new Set(loners)].join('; ')}` } : { state: over ? 'not-needed' : 'due', text: over ? 'Not needed' : 'Included with the notices and offers as they go' };
    }
    case 'announce-reports': {
      if (!b.reportTitle) return { state: 'not-needed', text: 'Only if the officer prepares a report for the group' };
      const told = notices.filter((n) => n.kind === 'report');
      const copies = notices.filter((n) => n.kind === 'report-copy');
      return { state: 'done', text: `“${b.reportTitle}” announced to ${plural(told.length, 'recipient')}${copies.length ? `; copies sent to ${copies.map((n) => n.recipientName).join('; ')}` : '; no copy asked for yet'}` };
    }
    case 'officer-verifies-notes':
      if (b.notesStatus === 'awaiting-officer') return { state: 'due', text: 'Waiting for the officer to verify what the notes attribute to them' };
      if (b.notesStatus === 'final' && b.attributedComments) return { state: 'done', text: 'The officer has verified the comments attributed to them' };
      return { state: over ? 'not-needed' : 'due', text: b.status === 'held' ? 'Nothing in the notes is attributed to the officer' : 'Applies when the notes are recorded' };
    case 'leave-before-party-business':
      if (b.leftBeforePartyBusiness === 'yes') return { state: 'done', text: 'Recorded: the officer left before party business' };
      if (b.leftBeforePartyBusiness === 'none-discussed') return { state: 'done', text: 'Recorded: no party business was discussed while the officer was there' };
      if (b.leftBeforePartyBusiness === 'no') return { state: 'not-done', text: 'Recorded: the officer stayed while party business was discussed' };
      return { state: over ? 'not-needed' : 'due', text: over ? 'Not needed' : 'Recorded after the meeting' };
    case 'no-decline-on-same-matter':
      return b.status === 'requested' ? { state: 'due', text: 'The officer may accept, but not decline' } : { state: 'done', text: b.status === 'declined' ? 'Declined before the other group’s briefing was accepted' : 'The officer accepted' };
  }
}

const STATE_TAGS = { done: { text: 'Done', classes: 'govuk-tag--green' }, due: { text: 'To do', classes: 'govuk-tag--blue' }, 'not-needed': { text: 'Not needed', classes: 'govuk-tag--grey' }, 'not-done': { text: 'Not done', classes: 'govuk-tag--red' } };

export function dutiesView(b: Briefing, notices: BriefingNotice[], offers: BriefingOffer[]) {
  return b.duties.map((d) => {
    const s = dutyState(b, d.duty, notices, offers);
    return { what: d.what, clauses: d.clauses.join(', '), strength: d.strength, tag: STATE_TAGS[s.state], text: s.text };
  });
}

export const LEFT_LABELS = { yes: 'Yes, before any party business', no: 'No, the officer stayed while party business was discussed', 'none-discussed': 'No party business was discussed while the officer was there' };

export function hoursText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? plural(h, 'hour') : '', m ? plural(m, 'minute') : ''].filter(Boolean).join(' ') || '0 minutes';
}
