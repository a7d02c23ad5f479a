// The council's own decider of members' access requests, for where its protocol names no one: a setting kept by
// democratic services and admins, audited, and shown on every request it decides as a local rule.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../deps.ts';
import { formErrors } from '../../web/forms.ts';
import { actorOf } from '../../web/actor.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { councilSummary } from '../directory/council.repository.ts';
import { settingsAccess } from '../settings/settings.routes.ts';
import { DECIDER_TITLES, DECIDERS, type Decider } from './access-request.types.ts';
import { defaultLocalDecider, readLocalDecider, saveLocalDecider } from './local-decider.ts';

export function registerLocalDeciderPage(app: FastifyInstance, deps: Deps): void {
  const q = deps.db.kysely;
  const render = async (reply: FastifyReply, extra: { flash?: string; invalid?: boolean } = {}) => {
    const kind = (await councilSummary(q))?.kind ?? 'principal';
    const current = await readLocalDecider(q, kind);
    const byDefault = defaultLocalDecider(kind);
    return reply.code(extra.invalid ? 400 : 200).page('access-requests/views/local-decider.njk', {
      title: 'Who decides where the protocol names no one',
      items: DECIDERS.map((d) => ({ value: d, text: DECIDER_TITLES[d].replace(/^the /, 'The '), hint: d === byDefault ? { text: 'The default for your council' } : undefined, checked: d === current })),
      flash: extra.flash,
      errors: extra.invalid ? formErrors([{ field: 'decider', message: 'Select who decides' }]) : undefined,
    });
  };

  app.get('/admin/settings/access-decider', { config: { access: settingsAccess } }, async (request, reply) =>
    render(reply, { flash: (request.query as Record<string, string | undefined>).saved === 'yes' ? 'The setting was saved.' : undefined }),
  );

  app.post('/admin/settings/access-decider', { config: { access: settingsAccess } }, async (request, reply) => {
    const chosen = String((request.body as Record<string, unknown> | undefined)?.decider ?? '');
    if (!(DECIDERS as readonly string[]).includes(chosen)) return render(reply, { invalid: true });
    const now = deps.clock.now();
    await q.transaction().execute(async (trx) => {
      const before = await readLocalDecider(trx, (await councilSummary(trx))?.kind ?? 'principal');
      await saveLocalDecider(trx, chosen as Decider);
      await appendAudit(trx, deps.db.dialect, actorOf(request), { action: 'settings.access-decider-changed', entity: 'settings', before: { decider: before }, after: { decider: chosen } }, now);
    });
    return reply.redirect('/admin/settings/access-decider?saved=yes', 303);
  });
}
