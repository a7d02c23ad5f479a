// The engine over HTTP: POST /api/v1/check with the CLI's input and output; profiles and questions as JSON.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { access } from '../../web/access.ts';
import { check } from '../../protocol/check.ts';
import { EngineInputError } from '../../protocol/errors.ts';
import { PROFILES } from '../../protocol/profiles/index.ts';
import { QUESTIONS } from '../../protocol/questions/index.ts';
import { OUTCOMES, PARTIES } from '../../protocol/types.ts';
import { ukDate } from '../../clock.ts';
import { apiError } from '../../web/api-errors.ts';
import { text } from '../../web/text.ts';

const party = z.enum(PARTIES);
export const decisionSchema = z.object({
  profile: z.string(),
  version: z.string(),
  warnings: z.array(z.string()),
  question: z.string(),
  outcome: z.enum(OUTCOMES),
  strength: z.enum(['must', 'should', 'normally']).nullable(),
  decider: party.nullable(),
  consult: z.array(party),
  route: z.array(z.array(party)),
  obligations: z.array(z.object({ what: z.string(), clauses: z.array(z.string()) })),
  deadline: z.string().nullable(),
  needs: z.array(z.string()),
  clauses: z.array(z.string()),
  explanation: z.array(z.object({ rule: z.string(), clauses: z.array(z.string()), held: z.boolean().nullable(), because: z.string() })),
});

const checkBody = z.object({
  profile: text('Profile').describe('a profile id, e.g. model'),
  on: text('On').optional().describe('YYYY-MM-DD: the version in force on that date (default today)'),
  question: text('Question'),
  facts: z.record(text('Fact'), z.unknown()).default({}),
});

export function registerProtocolApiRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/v1/check',
    {
      config: { access: access.signedIn },
      schema: { tags: ['protocol'], summary: 'Answer a scenario by a profile (the nolan check contract)', body: checkBody, response: { 200: decisionSchema, 400: apiError } },
    },
    async (request, reply) => {
      const { profile, on, question, facts } = request.body;
      try {
        return check(profile, { question, facts }, on ?? ukDate(deps.clock.now()));
      } catch (error) {
        if (!(error instanceof EngineInputError)) throw error;
        return reply.code(400).send({ error: 'There is a problem with what was sent', message: error.message, fields: [{ field: error.field, message: error.message }], requestId: request.id });
      }
    },
  );
  api.get('/api/v1/profiles', { config: { access: access.signedIn }, schema: { tags: ['protocol'], summary: 'The bundled profiles and their versions' } }, async () =>
    PROFILES.map((p) => ({ id: p.id, name: p.name, council: p.council, nation: p.nation, versions: p.versions, questions: Object.keys(p.questions) })),
  );
  api.get('/api/v1/questions', { config: { access: access.signedIn }, schema: { tags: ['protocol'], summary: 'The questions and their facts schemas' } }, async () =>
    QUESTIONS.map((q) => ({ id: q.id, title: q.title, facts: z.toJSONSchema(q.facts), labels: q.labels })),
  );
}
