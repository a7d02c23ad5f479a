// Who did something: a signed-in person, an API token's owner, or the system itself. The audit chain records it,
// and every layer (pages, API, CLI, jobs) names one, so it lives at the house level rather than in a feature.

export type Actor = { userId: number | null; label: string; ip?: string | null; requestId?: string | null };

export const systemActor: Actor = { userId: null, label: 'system' };
