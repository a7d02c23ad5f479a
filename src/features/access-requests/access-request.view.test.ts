// The member's roles as the decider sees them: seats, portfolio, scrutiny, and the electoral area under the
// council's own word for it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { memberRoles } from './access-request.view.ts';

describe("a member's roles for the decider", () => {
  const member = { id: 1, fullName: 'Cllr Ann Abbott', wardName: 'Upper Vale', groupId: null, portfolio: null, termEnd: '2029-05-03', seats: [{ bodyId: 2, kind: 'scrutiny', name: 'Overview and Scrutiny' }, { bodyId: 3, kind: 'committee', name: 'Planning' }] };

  it('names the seats, the scrutiny seats, the portfolio and the electoral area as the council calls it', () => {
    const rows = Object.fromEntries(memberRoles(member, 'Division').map((r) => [r.key.text, r.value.text]));
    assert.deepEqual(rows, {
      'Seats on bodies': 'Overview and Scrutiny, Planning',
      'Cabinet portfolio': 'None',
      Scrutiny: 'Overview and Scrutiny',
      Division: 'Upper Vale',
      'Term of office ends': '3 May 2029',
    });
  });
});
