// Which version of a protocol was in force on a date, and the parameter values then.
// Only one text of each protocol is held: an answer for an earlier version says so.
import type { ParameterValue, Profile, ProtocolVersion } from './types.ts';
import { EngineInputError } from './errors.ts';

type VersionIndex = { dated: ProtocolVersion[]; held: ProtocolVersion; toConfirm: { from: string; warning: string }[]; byDate: Map<string, { version: string; warnings: readonly string[] }> };

const indexes = new WeakMap<Profile, VersionIndex>();

function indexOf(profile: Profile): VersionIndex {
  let index = indexes.get(profile);
  if (!index) {
    index = {
      dated: profile.versions.filter((v) => v.adoptedOn !== null).sort((a, b) => a.adoptedOn!.localeCompare(b.adoptedOn!)),
      held: profile.versions.at(-1)!,
      toConfirm: profile.parameters.flatMap((p) =>
        p.values.filter((v) => v.confirm).map((v) => ({ from: v.from, warning: `${p.name} is written as ${v.note ?? String(v.value)} in clause ${v.clause}: the council should confirm it` })),
      ),
      byDate: new Map(),
    };
    indexes.set(profile, index);
  }
  return index;
}

function work(profile: Profile, index: VersionIndex, on: string): { version: string; warnings: readonly string[] } {
  const warnings = index.toConfirm.filter((c) => c.from <= on).map((c) => c.warning);
  if (!index.dated.length) return { version: index.held.version, warnings };
  const first = index.dated[0]!;
  if (on < first.adoptedOn!) throw new EngineInputError('on', `${profile.id} was first adopted on ${first.adoptedOn}; no version was in force on ${on}`);
  const inForce = index.dated.filter((v) => v.adoptedOn! <= on).at(-1)!;
  if (inForce.version !== index.held.version) {
    warnings.unshift(`version ${inForce.version} was in force on ${on}, but only the text of version ${index.held.version} is held: these rules come from that text`);
  }
  return { version: inForce.version, warnings };
}

/** The answer for a date never changes, so it is remembered (a few thousand dates at most). */
export function versionOn(profile: Profile, on: string): { version: string; warnings: readonly string[] } {
  const index = indexOf(profile);
  let found = index.byDate.get(on);
  if (!found) {
    found = work(profile, index, on);
    if (index.byDate.size > 5000) index.byDate.clear();
    index.byDate.set(on, found);
  }
  return found;
}

export function parameterOn(profile: Profile, name: string, on: string): ParameterValue {
  const parameter = profile.parameters.find((p) => p.name === name);
  if (!parameter) throw new EngineInputError('parameter', `${profile.id} has no parameter ${name}`);
  const values = [...parameter.values].sort((a, b) => a.from.localeCompare(b.from));
  return values.filter((v) => v.from <= on).at(-1) ?? values[0]!;
}
