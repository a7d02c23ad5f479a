// Ask the protocol, compare councils, and browse a profile: the engine as pages.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../deps.ts';
import { access } from '../../web/access.ts';
import { formErrors } from '../../web/forms.ts';
import { ukDate } from '../../clock.ts';
import { NotFoundError } from '../../errors.ts';
import { check } from '../../protocol/check.ts';
import { EngineInputError } from '../../protocol/errors.ts';
import { findFullProfile, PROFILES } from '../../protocol/profiles/index.ts';
import { findQuestion, QUESTIONS, type QuestionDefinition } from '../../protocol/questions/index.ts';
import { councilSummary } from '../directory/council.repository.ts';
import { answerView, type AnswerView } from './answer-view.ts';
import { clausesCitedBy } from '../../protocol/importer.ts';
import { choiceText, factFields, factsFromForm } from './facts-form.ts';
import { councilClauseTexts, councilDocument } from '../protocol-document/protocol-document.service.ts';
import { quotedClauses } from '../protocol-document/protocol-document.view.ts';
import { allows } from '../../web/access.ts';
import { protocolDocumentAccess } from '../protocol-document/protocol-document.routes.ts';

type Query = Record<string, string | undefined>;

/** Every clause an answer names: its reasons, its duties, its deadline and, where nothing applied, the nearest. */
function citedIn(answer: AnswerView): string[] {
  return [...answer.reasons.flatMap((r) => r.clauses), ...answer.obligations.flatMap((o) => o.clauses), ...(answer.deadline ? [answer.deadline.parameterClause] : []), ...answer.clauses];
}

function questionOr404(id: string): QuestionDefinition {
  const question = findQuestion(id);
  if (!question) throw new NotFoundError('Question');
  return question;
}

export function registerProtocolPageRoutes(app: FastifyInstance, deps: Deps): void {
  const councilProfile = async () => (await councilSummary(deps.db.kysely))?.profileId ?? deps.config.profileId;
  const pageAccess = { config: { access: access.signedIn } };

  const renderQuestion = async (reply: FastifyReply, question: QuestionDefinition, query: Query, errors?: ReturnType<typeof formErrors>) =>
    reply.code(errors ? 400 : 200).page('protocol/views/question.njk', {
      title: question.title,
      question,
      fields: factFields(question),
      profiles: PROFILES,
      chosenProfile: query.profile ?? (await councilProfile()),
      values: query,
      choiceText,
      errors,
    });

  app.get('/protocol', pageAccess, async (_request, reply) =>
    reply.page('protocol/views/index.njk', { title: 'Ask the protocol', questions: QUESTIONS, profiles: PROFILES, councilProfile: await councilProfile() }),
  );

  app.get('/protocol/ask/:question', pageAccess, async (request, reply) => {
    const question = questionOr404((request.params as { question: string }).question);
    return renderQuestion(reply, question, request.query as Query);
  });

  app.get('/protocol/ask/:question/answer', pageAccess, async (request, reply) => {
    const question = questionOr404((request.params as { question: string }).question);
    const query = request.query as Query;
    const fields = factFields(question);
    const { facts, errors } = factsFromForm(fields, query);
    const profile = findFullProfile(query.profile ?? '');
    if (!profile) errors.unshift({ field: 'profile', message: 'Select which council’s protocol to ask' });
    if (errors.length || !profile) return renderQuestion(reply, question, query, formErrors(errors));
    const on = ukDate(deps.clock.now());
    try {
      const decision = check(profile.id, { question: question.id, facts }, on);
      const answer = answerView(profile, decision, facts, question.labels, on);
      return reply.page('protocol/views/answer.njk', {
        title: `${question.title} – ${profile.name}`,
        question,
        profile,
        answer,
        quoted: quotedClauses(await councilClauseTexts(deps, profile.id, citedIn(answer))),
        facts: fields.filter((f) => facts[f.name] !== undefined).map((f) => ({ label: f.label, value: f.kind === 'choice' ? choiceText(String(facts[f.name])) : facts[f.name] })),
        compareUrl: `/protocol/compare/${question.id}/answer?${new URLSearchParams(Object.entries(query).filter(([k, v]) => k !== 'profile' && v !== undefined) as [string, string][]).toString()}`,
        decision,
      });
    } catch (error) {
      if (!(error instanceof EngineInputError)) throw error;
      return renderQuestion(reply, question, query, formErrors([{ field: error.field.replace(/^facts\./, ''), message: error.message }]));
    }
  });

  app.get('/protocol/compare/:question/answer', pageAccess, async (request, reply) => {
    const question = questionOr404((request.params as { question: string }).question);
    const query = request.query as Query;
    const { facts, errors } = factsFromForm(factFields(question), query);
    if (errors.length) return renderQuestion(reply, question, query, formErrors(errors));
    const on = ukDate(deps.clock.now());
    const answers = await Promise.all(
      PROFILES.map(async (profile) => {
        const answer = answerView(profile, check(profile.id, { question: question.id, facts }, on), facts, question.labels, on);
        return { profile, answer, quoted: quotedClauses(await councilClauseTexts(deps, profile.id, citedIn(answer))) };
      }),
    );
    const first = answers[0]?.answer;
    return reply.page('protocol/views/compare.njk', {
      title: `Compare councils: ${question.title}`,
      question,
      answers: answers.map((a) => ({ ...a, differs: !!first && (a.answer.outcome !== first.outcome || a.answer.strength !== first.strength || a.answer.decider !== first.decider) })),
    });
  });

  app.get('/protocol/profiles/:id', pageAccess, async (request, reply) => {
    const profile = findFullProfile((request.params as { id: string }).id);
    if (!profile) throw new NotFoundError('Profile');
    const byQuestion = QUESTIONS.map((q) => ({ question: q, coverage: profile.questions[q.id], rules: profile.rules.filter((r) => r.question === q.id) }));
    const document = await councilDocument(deps);
    return reply.page('protocol/views/profile.njk', {
      title: profile.name,
      profile,
      byQuestion,
      current: document?.profile.id === profile.id ? document : undefined,
      isCouncilProfile: profile.id === (await councilProfile()),
      citedClauses: clausesCitedBy(profile),
      mayUpload: allows(protocolDocumentAccess, request.user),
    });
  });
}
