// Generated scenarios for the second opinion: every fact of a question given, each value drawn from the
// question's own Zod schema (booleans, enums, dates, lists of dates). For the tests and the benchmark only.
import * as fc from 'fast-check';
import { z } from 'zod';
import type { QuestionDefinition } from '../questions/index.ts';
import type { Facts, Rule } from '../types.ts';

const DAY_MS = 86_400_000;
const FROM = Date.UTC(2020, 0, 1);
const TO = Date.UTC(2030, 11, 31);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A calendar date from 2020 to 2030, as the questions write it (YYYY-MM-DD). */
const day = fc.integer({ min: 0, max: (TO - FROM) / DAY_MS }).map((n) => isoDay(FROM + n * DAY_MS));

/** The strings a question's rules test a fact against: a free-text fact is only worth generating at those. */
function testedValues(rules: Rule[], fact: string): string[] {
  return [...new Set(rules.flatMap((r) => { const t = r.when[fact]; return typeof t === 'string' ? [t] : Array.isArray(t) ? [...t] : []; }))];
}

function unwrap(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) return unwrap(schema.unwrap() as z.ZodType);
  return schema;
}

function valueArbitrary(where: string, schema: z.ZodType, tested: string[]): { arbitrary: fc.Arbitrary<unknown>; size: number } {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodBoolean) return { arbitrary: fc.boolean(), size: 2 };
  if (inner instanceof z.ZodEnum) {
    const options = inner.options as (string | number)[];
    return { arbitrary: fc.constantFrom(...options), size: options.length };
  }
  if (inner instanceof z.ZodLiteral) {
    const values = [...inner.values] as unknown[];
    return { arbitrary: fc.constantFrom(...values), size: values.length };
  }
  if (inner instanceof z.ZodString) {
    const accepts = (v: string) => inner.safeParse(v).success;
    const choices: fc.Arbitrary<string>[] = [];
    if (accepts('2026-11-23')) choices.push(day.filter(accepts));
    const named = tested.filter(accepts);
    if (named.length) choices.push(fc.constantFrom(...named));
    if (!choices.length) throw new Error(`${where}: no generator for this kind of string; teach scenarios.test-support.ts`);
    return { arbitrary: fc.oneof(...choices), size: 10 + named.length };
  }
  if (inner instanceof z.ZodArray) {
    const element = valueArbitrary(`${where}[]`, inner.element as z.ZodType, tested);
    return { arbitrary: fc.array(element.arbitrary, { maxLength: 5 }), size: 10 };
  }
  throw new Error(`${where}: no generator for a ${inner.def.type} fact; teach scenarios.test-support.ts`);
}

export type ScenarioSource = { arbitrary: fc.Arbitrary<Facts>; /** How many fact combinations there are, roughly. */ size: number };

/** Every fact of the question present, each from its schema (and, for free text, the values the rules test). */
export function scenariosFor(question: QuestionDefinition, rules: Rule[]): ScenarioSource {
  const shape = question.facts.shape as Record<string, z.ZodType>;
  const facts = Object.entries(shape).map(([fact, schema]) => [fact, valueArbitrary(`${question.id}.${fact}`, schema, testedValues(rules, fact))] as const);
  return {
    arbitrary: fc.record(Object.fromEntries(facts.map(([fact, v]) => [fact, v.arbitrary]))) as fc.Arbitrary<Facts>,
    size: facts.reduce((n, [, v]) => n * v.size, 1),
  };
}

/** More scenarios where there are more combinations to find: 400 at least, 2,000 at most, per question. */
export function runsFor(source: ScenarioSource): number {
  return Math.min(2000, Math.max(400, source.size));
}
