// nolan check | profiles | questions: the protocol engine from the command line, as JSON.
import fs from 'node:fs';
import { z } from 'zod';
import { check } from '../protocol/check.ts';
import { EngineInputError } from '../protocol/errors.ts';
import { PROFILES } from '../protocol/profiles/index.ts';
import { QUESTIONS } from '../protocol/questions/index.ts';
import { ukDate } from '../clock.ts';
import { parseOptions, UsageError } from './usage.ts';

function readScenario(source: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch {
    throw new UsageError(`file: cannot read ${source}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`file: ${source} is not valid JSON (${error instanceof Error ? error.message : 'parse error'})`);
  }
}

export const checkCommand = {
  summary: 'answer a scenario by a profile: nolan check --profile <id> [--on YYYY-MM-DD] <scenario.json | ->',
  needsDatabase: false,
  async run(args: string[]): Promise<number> {
    const { values, positionals } = parseOptions(args, { profile: { type: 'string' }, on: { type: 'string' } });
    if (!values.profile) throw new UsageError('profile: --profile <id> is required');
    if (positionals.length !== 1) throw new UsageError('file: give one scenario file, or - for standard input');
    const scenario = readScenario(positionals[0]!);
    try {
      const decision = check(values.profile, scenario, values.on ?? ukDate(new Date()));
      process.stdout.write(`${JSON.stringify(decision)}\n`);
      return 0;
    } catch (error) {
      if (error instanceof EngineInputError) throw new UsageError(error.message);
      throw error;
    }
  },
};

export const profilesCommand = {
  summary: 'list the bundled profiles, their names and versions, as JSON',
  needsDatabase: false,
  async run(): Promise<number> {
    const list = PROFILES.map((p) => ({ id: p.id, name: p.name, council: p.council, nation: p.nation, versions: p.versions }));
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  },
};

export const questionsCommand = {
  summary: 'list the questions and their facts schemas, as JSON',
  needsDatabase: false,
  async run(): Promise<number> {
    const list = QUESTIONS.map((q) => ({ id: q.id, title: q.title, facts: z.toJSONSchema(q.facts), labels: q.labels }));
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  },
};
