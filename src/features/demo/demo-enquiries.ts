// The demo council's casework: member enquiries over the last few months, each worked through the real service
// (routed and given its deadline by the protocol), so that queues, overdue items and history all look lived-in.
// The same profile and day always give the same enquiries.
import { sql } from 'kysely';
import { fixedClock, ukDate } from '../../clock.ts';
import type { CurrentUser } from '../../web/access.ts';
import { listOfficers, listServices } from '../directory/officers.repository.ts';
import { listMembers } from '../directory/members.repository.ts';
import { insertRoute } from '../enquiries/routing-table.repository.ts';
import { actOnEnquiry, logEnquiry, type EnquiryDeps } from '../enquiries/enquiry.service.ts';
import type { EnquiryAction } from '../enquiries/enquiry-access.ts';
import { seededRandom } from './random.ts';

/** Subject, details, and the words of the service names that would take it, best first. */
const CASEWORK: [string, string, string][] = [
  ['Pothole reported by a resident', 'A resident reports a deep pothole near the bus stop; a cyclist came off there last week. Can it be inspected and made safe?', 'Highways|Environment|Amenities'],
  ['Missed bin collection, third week running', 'The same three houses have been missed again. The resident has reported it online each time with no change.', 'Environment|Amenities'],
  ['Street light out by the primary school', 'Parents say the light at the school gate has been out for a fortnight and the path is dark at pick-up time.', 'Highways|Environment|Amenities'],
  ['Fly-tipping behind the shops', 'Mattresses and builders’ rubble have been dumped in the service lane. Who clears it, and can the lane be watched?', 'Environment|Amenities'],
  ['Planning application: when is the decision due?', 'Residents want to know when the application for the former garage site will be decided and whether it goes to committee.', 'Planning|Clerk'],
  ['Council tax refund not received', 'A resident moved out in August and was told a refund would follow in four weeks. Nothing yet.', 'Finance'],
  ['Overgrown hedge blocking the footway', 'Wheelchair users cannot pass on the north side. Is it the council’s hedge or a private one, and what can be done?', 'Highways|Environment|Amenities'],
  ['Damp and mould in a council flat', 'A family with a young child reports black mould in two bedrooms. A repair was booked and then cancelled.', 'Housing|Environment|Clerk'],
  ['How many on the housing register in the ward?', 'For a ward newsletter: how many households are on the register with an address in the ward, by band?', 'Housing|Planning|Clerk'],
  ['Parking on the grass verges', 'Cars are parking on the verges at the end of the close and churning them up. Can bollards be considered?', 'Highways|Environment|Amenities'],
  ['Noise from a late-night venue', 'Several residents complain of music after midnight at weekends. Has the licence been reviewed?', 'Regulatory|Environment|Clerk'],
  ['Playground equipment broken', 'The swings in the park have been taped off for a month. When will they be repaired?', 'Open Spaces|Environment|Amenities'],
  ['Grit bin empty before the cold snap', 'The grit bin at the top of the hill is empty. Could it be refilled before the frost forecast this week?', 'Highways|Environment|Amenities'],
  ['Tree root lifting the pavement', 'An elderly resident tripped on paving lifted by a street tree. Can the slabs be relaid?', 'Highways|Environment|Amenities'],
  ['Opening hours of the recycling centre', 'What are the winter opening hours, and is the centre open on bank holidays?', 'Environment|Amenities'],
];

type Step = { action: EnquiryAction; text?: string; by: 'officer' | 'member'; after: number };

/** A life for an enquiry received daysAgo calendar days ago: older ones further along. */
function lifeOf(daysAgo: number, roll: number): Step[] {
  if (daysAgo < 2) return [];
  const ack: Step = { action: 'acknowledge', text: 'Thank you: this is with the team and I will update you shortly.', by: 'officer', after: 1 };
  if (daysAgo < 6) return roll < 0.5 ? [ack] : [ack, { action: 'start', by: 'officer', after: 1 }];
  if (roll < 0.15) return [ack, { action: 'start', by: 'officer', after: 1 }, { action: 'ask-member', text: 'Could the resident send a photo and the exact location?', by: 'officer', after: 2 }];
  if (roll < 0.3) return [ack, { action: 'start', by: 'officer', after: 2 }];
  const answer: Step = { action: 'answer', text: 'An inspector visited and the work has been ordered; the resident will be contacted with a date.', by: 'officer', after: Math.min(daysAgo - 3, 4 + Math.floor(roll * 10)) };
  if (roll < 0.65) return [ack, { action: 'start', by: 'officer', after: 1 }, answer];
  return [ack, { action: 'start', by: 'officer', after: 1 }, answer, { action: 'close', by: 'member', after: 2 }];
}

export async function seedDemoEnquiries(deps: EnquiryDeps, profileId: string, demoMemberId: number | undefined, demoOfficerId: number | undefined): Promise<number> {
  const today = ukDate(deps.clock.now());
  const random = seededRandom(`enquiries:${profileId}:${today}`);
  const q = deps.db.kysely;
  const members = await listMembers(q, { day: today, status: 'in-office' });
  const services = await listServices(q);
  if (!members.length || !services.length) return 0;
  const officers = await listOfficers(q, { day: today });
  const demoOfficer = officers.find((o) => o.id === demoOfficerId);
  // The demo officer takes their service's enquiries (the factual ones: under most protocols anything else goes
  // to a senior officer), so that their queue is not empty.
  if (demoOfficer?.serviceId) await insertRoute(q, { serviceId: demoOfficer.serviceId, wardId: null, workType: null, officerId: demoOfficer.id }, deps.clock.now().toISOString());
  const office: CurrentUser = { id: 0, email: 'demo', fullName: 'Demo', roles: ['democratic-services'], powers: [], memberId: null, memberRecordId: null, officerId: null, via: 'session' };
  const count = Math.min(40, members.length * 2);
  let made = 0;
  for (let i = 0; i < count; i++) {
    const member = i % 5 === 0 && demoMemberId !== undefined ? members.find((m) => m.id === demoMemberId) ?? random.pick(members) : random.pick(members);
    const [subject, details, takers] = random.pick(CASEWORK);
    const forDemoOfficer = i % 4 === 0 && !!demoOfficer?.serviceId;
    const fitting = takers.split('|').map((word) => services.find((s) => s.name.includes(word))).find((s) => s !== undefined);
    const service = forDemoOfficer ? services.find((s) => s.id === demoOfficer!.serviceId)! : (fitting ?? random.pick(services));
    const daysAgo = Math.floor(random.next() * 70);
    // Received in office hours, 9am to 5pm UTC, daysAgo days before today.
    const receivedDay = new Date(Date.parse(`${today}T09:00:00Z`) - daysAgo * 86_400_000 + random.below(8 * 60) * 60_000);
    const clock = fixedClock(receivedDay.toISOString());
    const scoped = { ...deps, clock };
    const author: CurrentUser = { ...office, memberId: member.id, roles: ['member'] };
    let enquiry = await logEnquiry(scoped, { userId: null, label: member.email ?? member.fullName }, author, { subject, details, serviceId: service.id, purelyFactual: forDemoOfficer || random.next() < 0.3, memberId: member.id });
    made += 1;
    let elapsed = 0;
    for (const step of lifeOf(daysAgo, random.next())) {
      elapsed += step.after;
      if (elapsed >= daysAgo) break;
      clock.set(new Date(clock.now().getTime() + step.after * 86_400_000).toISOString());
      const officer = officers.find((o) => o.id === enquiry.assignedOfficerId);
      const by = step.by === 'member' ? author : office;
      const label = step.by === 'member' ? (member.email ?? member.fullName) : (officer?.email ?? 'democratic services');
      enquiry = await actOnEnquiry(scoped, { userId: null, label }, by, enquiry.id, step.action, { version: enquiry.version, text: step.text });
    }
  }
  // The casework's mail belongs to its backstory: it went out when each step happened, not now.
  await q.updateTable('outbox').set((eb) => ({ sent_at: eb.ref('created_at'), attempts: 1, message_id: sql<string>`'<demo-outbox-' || ${eb.ref('id')} || '@nolan.invalid>'` })).where('sent_at', 'is', null).execute();
  return made;
}
