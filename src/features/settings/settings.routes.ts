// The council's settings page: closure days, the local enquiry standard, the follow-up window, reference years.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../deps.ts';
import { ValidationError, type FieldError } from '../../errors.ts';
import { access } from '../../web/access.ts';
import { formErrors } from '../../web/forms.ts';
import { actorOf } from '../../web/actor.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { readDate } from '../import/dates.ts';
import { readSettings, saveSettings, type CouncilSettings } from './settings.repository.ts';

export const settingsAccess = access.roles('democratic-services', 'admin');

type SettingsForm = { closures: string; localEnquiryDays: string; enquiryFollowUpDays: string; referenceYear: string; briefingOfferLapseDays: string };

export function settingsFromForm(form: SettingsForm): CouncilSettings {
  const problems: FieldError[] = [];
  const closures: string[] = [];
  for (const line of form.closures.split(/[\n,]+/).map((l) => l.trim()).filter(Boolean)) {
    const day = readDate(line);
    if (day) closures.push(day);
    else problems.push({ field: 'closures', message: `“${line.slice(0, 40)}” is not a date: give one date a line, as 2026-12-29 or 29/12/2026` });
  }
  const days = (value: string, field: string, what: string) => {
    const n = Number(value.trim());
    if (!/^\d{1,3}$/.test(value.trim()) || n < 1 || n > 100) problems.push({ field, message: `${what} must be a whole number of working days from 1 to 100` });
    return n;
  };
  const localEnquiryDays = days(form.localEnquiryDays, 'localEnquiryDays', 'The local standard');
  const enquiryFollowUpDays = days(form.enquiryFollowUpDays, 'enquiryFollowUpDays', 'The follow-up window');
  const lapse = form.briefingOfferLapseDays.trim();
  const briefingOfferLapseDays = Number(lapse);
  if (!/^\d{1,3}$/.test(lapse) || briefingOfferLapseDays < 1 || briefingOfferLapseDays > 100) problems.push({ field: 'briefingOfferLapseDays', message: 'The time to take up an offered briefing must be a whole number of days from 1 to 100' });
  if (form.referenceYear !== 'calendar' && form.referenceYear !== 'financial') problems.push({ field: 'referenceYear', message: 'Select how references are numbered' });
  if (problems.length) throw new ValidationError(problems);
  return { closures: [...new Set(closures)].sort(), localEnquiryDays, enquiryFollowUpDays, referenceYear: form.referenceYear as CouncilSettings['referenceYear'], briefingOfferLapseDays };
}

export function registerSettingsPages(app: FastifyInstance, deps: Deps): void {
  const render = async (reply: FastifyReply, extra: { values?: SettingsForm; errors?: ReturnType<typeof formErrors>; flash?: string } = {}) => {
    const current = await readSettings(deps.db.kysely);
    const values = extra.values ?? { closures: current.closures.join('\n'), localEnquiryDays: String(current.localEnquiryDays), enquiryFollowUpDays: String(current.enquiryFollowUpDays), referenceYear: current.referenceYear, briefingOfferLapseDays: String(current.briefingOfferLapseDays) };
    return reply.code(extra.errors ? 400 : 200).page('settings/views/settings.njk', { title: 'Council settings', values, errors: extra.errors, flash: extra.flash });
  };

  app.get('/admin/settings', { config: { access: settingsAccess } }, async (request, reply) =>
    render(reply, { flash: (request.query as Record<string, string | undefined>).saved === 'yes' ? 'The settings were saved.' : undefined }),
  );

  app.post('/admin/settings', { config: { access: settingsAccess } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    // A form from before the briefing setting existed leaves it as it is.
    const lapseDays = body.briefingOfferLapseDays ?? String((await readSettings(deps.db.kysely)).briefingOfferLapseDays);
    const form: SettingsForm = { closures: String(body.closures ?? ''), localEnquiryDays: String(body.localEnquiryDays ?? ''), enquiryFollowUpDays: String(body.enquiryFollowUpDays ?? ''), referenceYear: String(body.referenceYear ?? ''), briefingOfferLapseDays: String(lapseDays) };
    let settings: CouncilSettings;
    try {
      settings = settingsFromForm(form);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return render(reply, { values: form, errors: formErrors(error.fields) });
    }
    const now = deps.clock.now();
    await deps.db.kysely.transaction().execute(async (trx) => {
      const before = await readSettings(trx);
      await saveSettings(trx, settings);
      await appendAudit(trx, deps.db.dialect, actorOf(request), { action: 'settings.changed', entity: 'settings', before, after: settings }, now);
    });
    return reply.redirect('/admin/settings?saved=yes', 303);
  });
}
