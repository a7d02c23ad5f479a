// A figure many people ask for and that takes long to work out (the public statistics read a year of
// enquiries): worked out at most once in each period and shared, with the time it was worked out so the page can
// say so. Requests that arrive while it is being worked out wait for that one piece of work rather than each
// starting another, so a burst of visitors costs one computation.
import type { Clock } from '../clock.ts';

export type WorkedOut<T> = { value: T; at: Date };

export function workedOutEvery<T>(clock: Clock, periodMs: number, work: () => Promise<T>): () => Promise<WorkedOut<T>> {
  let latest: WorkedOut<T> | undefined;
  let pending: Promise<WorkedOut<T>> | undefined;
  return () => {
    // A clock set back (or a figure from the future) counts as out of date.
    const age = latest ? clock.now().getTime() - latest.at.getTime() : -1;
    if (latest && age >= 0 && age < periodMs) return Promise.resolve(latest);
    pending ??= (async () => {
      const at = clock.now();
      try {
        latest = { value: await work(), at };
        return latest;
      } finally {
        pending = undefined;
      }
    })();
    return pending;
  };
}
