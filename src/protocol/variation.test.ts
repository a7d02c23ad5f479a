import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deriveProfile } from './variation.ts';
import { evaluate } from './engine.ts';
import { EngineInputError } from './errors.ts';
import { model } from './profiles/model/index.ts';
import { rulesFor } from './rules.ts';
import { workingDayDeadlines } from './deadlines.ts';

const deadline = rulesFor('enquiry-deadline');

describe('a council’s local variation of a bundled profile', () => {
  const local = deriveProfile(model, {
    id: 'exampleshire',
    name: 'Exampleshire protocol',
    council: 'Exampleshire District Council',
    version: '2026 local',
    adoptedOn: '2026-04-01',
    minute: 'C/2026/44',
    parameters: [{ name: 'enquiryResponseWorkingDays', value: 10, clause: '49A', adoptedOn: '2026-04-01', note: 'ten working days' }],
    add: [
      {
        clause: '49A',
        adoptedOn: '2026-04-01',
        rule: deadline.require('ten-working-days', {
          clauses: ['49A'],
          obligation: 'Answer within ten working days of receipt',
          deadlineParameter: 'enquiryResponseWorkingDays',
          because: 'the council’s own clause 49A sets ten working days',
        }),
      },
    ],
    remove: [{ id: 'merit-only', clause: '56', adoptedOn: '2026-04-01', note: 'the council bars colleagues too' }],
  });

  it('adds a rule and a parameter: a deadline where the model had none', () => {
    const decision = evaluate(local, 'enquiry-deadline', { received: '2026-11-23' }, '2026-11-23', workingDayDeadlines);
    assert.equal(decision.outcome, 'permit');
    assert.equal(decision.deadline, '2026-12-07');
    assert.deepEqual(decision.clauses, ['49A']);
    assert.equal(decision.version, '2026 local');
  });

  it('removes a rule, leaving what the base says otherwise', () => {
    const decision = evaluate(local, 'panel-conflict', { panel: 'appointment', relationship: 'worked-with' }, '2026-11-23');
    assert.equal(decision.outcome, 'not-covered');
    assert.equal(evaluate(model, 'panel-conflict', { panel: 'appointment', relationship: 'worked-with' }, '2026-11-23').outcome, 'permit');
  });

  it('records every change with its clause and adoption date', () => {
    assert.deepEqual(
      local.changes.map((c) => [c.kind, c.target, c.clause, c.adoptedOn]),
      [
        ['remove', 'merit-only', '56', '2026-04-01'],
        ['add', 'ten-working-days', '49A', '2026-04-01'],
        ['parameter', 'enquiryResponseWorkingDays', '49A', '2026-04-01'],
      ],
    );
  });

  it('refuses to replace or remove a rule the base does not have, naming it', () => {
    assert.throws(
      () => deriveProfile(model, { id: 'x', name: 'x', council: 'x', version: 'x', adoptedOn: '2026-01-01', remove: [{ id: 'no-such-rule', clause: '1', adoptedOn: '2026-01-01' }] }),
      (e: Error) => e instanceof EngineInputError && e.field === 'remove[0].id',
    );
  });
});
