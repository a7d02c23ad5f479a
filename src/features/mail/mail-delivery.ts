// Delivering the outbox on every tick of the scheduler, in batches, until it is empty or the server refuses.
import { ROUNDS_PER_TICK, type TickTask } from '../../jobs/scheduler.ts';
import { DEFAULT_BATCH, deliverOutbox } from './outbox.service.ts';

export const deliverMail: TickTask = {
  failed: 'the outbox could not be delivered',
  async run(deps, stopped) {
    for (let round = 0; round < ROUNDS_PER_TICK && !stopped(); round++) {
      const mail = await deliverOutbox(deps, { batch: DEFAULT_BATCH });
      // A refusal or an unreachable server is likely to meet the next message too: leave it to the next tick.
      if (mail.retrying + mail.failed > 0 || mail.sent + mail.held < DEFAULT_BATCH) break;
    }
  },
};
