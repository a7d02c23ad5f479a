// The new-enquiry form as the pages share it: who may use it, how its fields become logEnquiry's input, and
// how it is shown again. Logging from an email fills in the same form.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../web/access.ts';
import { asList, type FormErrors } from '../../web/forms.ts';

// Anyone signed in: what each person sees is narrowed to their own enquiries (enquiry-access.ts).
export const enquiryAccess = access.signedIn;

/** Logging from an email is for those who may log an enquiry: a member in office, an officer in post and democratic
 * services. The roles stand for exactly that, since they lapse with the term or the post (current-user.ts). */
export const emailIntakeAccess = access.roles('member', 'group-leader', 'officer', 'democratic-services');

type Body = Record<string, unknown>;

export function one(value: unknown): string {
  return typeof value === 'string' ? value : Array.isArray(value) ? String(value[0] ?? '') : '';
}

/** The new-enquiry form's fields, as logEnquiry takes them. */
export function newEnquiryInput(body: Body) {
  const yes = (name: string) => one(body[name]) === 'yes';
  const blankToUndefined = (name: string) => one(body[name]).trim() || undefined;
  return {
    memberId: blankToUndefined('memberId'),
    subject: one(body.subject),
    details: one(body.details),
    wardId: blankToUndefined('wardId'),
    serviceId: blankToUndefined('serviceId'),
    workType: blankToUndefined('workType'),
    residentReference: blankToUndefined('residentReference'),
    serviceRequestReference: blankToUndefined('serviceRequestReference'),
    purelyFactual: yes('purelyFactual'),
    confidential: yes('confidential'),
    forMeeting: yes('forMeeting'),
    meetingContactId: blankToUndefined('meetingContactId'),
    copyTo: asList(body.copyTo),
  };
}

/** The text fields of a form sent back with its errors: files cannot be, and are chosen again. */
export function textFields(body: Body): Body {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))));
}

/** Shows the new-enquiry form; extra may set the title, where it posts, the email it came from, and a status. */
export type RenderNew = (request: FastifyRequest, reply: FastifyReply, values: Body, errors?: FormErrors, extra?: Record<string, unknown>) => Promise<FastifyReply>;
