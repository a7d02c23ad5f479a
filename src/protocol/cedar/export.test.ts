// The export to Cedar, read as text: what a reviewer sees beside the protocol.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { model } from '../profiles/model/index.ts';
import type { Rule } from '../types.ts';
import { cedarContext, cedarPolicies, cedarPolicyFile, cedarString, policyText } from './export.ts';

const rule = (id: string): Rule => model.rules.find((r) => r.id === id)!;

describe('export to Cedar', () => {
  it('a forbid becomes a forbid with its clauses, the list test a contains (model 112)', () => {
    assert.equal(
      policyText(rule('non-member-no-exempt-or-confidential')),
      [
        '@id("non-member-no-exempt-or-confidential")',
        '@question("document-access")',
        '@effect("forbid")',
        '@strength("must")',
        '@clauses("112")',
        'forbid (',
        '  principal == Nolan::Asker::"asker",',
        '  action == Nolan::Action::"document-access",',
        '  resource == Nolan::Matter::"matter"',
        ')',
        'when { context.memberOfBody == false && ["exempt", "confidential"].contains(context.classification) };',
      ].join('\n'),
    );
  });

  it('a referral becomes a permit that keeps its own effect as an annotation (model 113)', () => {
    const text = policyText(rule('need-to-know-disputed'));
    assert.match(text, /^@effect\("refer"\)$/m);
    assert.match(text, /^permit \($/m);
  });

  it('an obligation with no condition is a permit with no when (model 115)', () => {
    const text = policyText(rule('use-only-for-the-purpose'));
    assert.match(text, /^permit \(/m);
    assert.ok(text.endsWith('resource == Nolan::Matter::"matter"\n);'));
  });

  it('several clauses, odd fact names and quotes survive', () => {
    const odd: Rule = { id: 'odd "one"', question: 'q', clauses: ['136', 'Guidance 2.1'], effect: 'permit', strength: 'should', when: { in: true, 'two words': 'a\\b' }, because: '' };
    const text = policyText(odd);
    assert.match(text, /@id\("odd \\"one\\""\)/);
    assert.match(text, /@clauses\("136, Guidance 2\.1"\)/);
    assert.match(text, /when \{ context\["in"\] == true && context\["two words"\] == "a\\\\b" \};/);
    assert.equal(cedarString('line\nbreak'), '"line\\u{a}break"');
  });

  it('one policy per rule, ids unique, the file has them all', () => {
    const policies = cedarPolicies(model);
    assert.equal(policies.length, model.rules.length);
    assert.equal(new Set(policies.map((p) => p.id)).size, policies.length);
    assert.equal(cedarPolicyFile(model).match(/^@id\(/gm)?.length, model.rules.length);
  });

  it('the context leaves unknown facts out and keeps lists', () => {
    assert.deepEqual(cedarContext({ received: '2026-11-23', closures: ['2026-12-24'], formal: false, severity: undefined, about: null }), {
      received: '2026-11-23',
      closures: ['2026-12-24'],
      formal: false,
    });
    assert.throws(() => cedarContext({ when: { nested: true } }), /when: Cedar's context takes/);
  });
});
