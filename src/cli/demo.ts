// nolan demo --profile <id>: builds the demo council for a bundled profile into an empty database and
// prints one sign-in per role.
import { findProfile, profileIds } from '../protocol/profiles/catalogue.ts';
import { councilSummary } from '../features/directory/council.repository.ts';
import { seedDemo } from '../features/demo/demo.service.ts';
import type { CliContext } from './context.ts';
import { parseOptions, UsageError } from './usage.ts';

const usage = `Usage: nolan demo [--profile <id>]
Profiles: ${profileIds.join(', ')}. Without --profile, NOLAN_PROFILE's (default model).`;

export const demoCommand = {
  summary: 'build the demo council for a bundled profile into an empty database',
  async run(args: string[], context: CliContext): Promise<number> {
    const { values } = parseOptions(args, { profile: { type: 'string' }, help: { type: 'boolean' } }, false);
    if (values.help) {
      context.out(usage);
      return 0;
    }
    const profileId = values.profile ?? context.config.profileId;
    if (!findProfile(profileId)) throw new UsageError(`--profile "${profileId}" is not a bundled profile; expected one of ${profileIds.join(', ')}`);
    const existing = await councilSummary(context.db.kysely);
    if (existing) throw new UsageError(`the database already holds a council (${existing.name}); the demo is only built into an empty database`);
    const seeded = await seedDemo({ db: context.db, clock: context.clock }, profileId, context.actor);
    context.out(`Built the demo council ${seeded.councilName} (profile ${seeded.profileId}) in ${context.db.location}.`);
    context.out(`Sign in at ${context.config.baseUrl}/sign-in with any of these (password for all: ${seeded.password}):`);
    for (const s of seeded.signIns) context.out(`  ${s.role.padEnd(22)} ${s.email.padEnd(44)} ${s.name}`);
    return 0;
  },
};
