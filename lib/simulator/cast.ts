// Who does each event: the identities (an actor as it was during one era) and, for every era and
// event type, a weighted choice among the identities allowed to do it.

import type { EventSpec } from "./catalog";
import { ACTORS, kindOfRole, type Actor, type ActorKind, type Identity } from "./people";
import { cumulative, weightedIndex } from "./random";

export type IdentityRow = {
  identity: Identity;
  actor: Actor;
  kind: ActorKind;
  /** Lower-cased email, the key of the user_email filter; null for SYSTEM and API. */
  emailKey: string | null;
};

type Picker = { ids: readonly number[]; totals: Float64Array };
type Era = { from: number; pickers: readonly (Picker | null)[] };

export type Cast = {
  rows: readonly IdentityRow[];
  /** An identity allowed to do event type `type` at `fraction` (0..1) of the window, or -1. */
  pick(type: number, fraction: number, u: number): number;
};

export function buildCast(specs: readonly EventSpec[]): Cast {
  const rows: IdentityRow[] = [];
  const rowOf = new Map<Identity, number>();
  for (const actor of ACTORS) {
    for (const { identity } of actor.versions) {
      rowOf.set(identity, rows.length);
      rows.push({ identity, actor, kind: kindOfRole(identity.role), emailKey: identity.email?.toLowerCase() ?? null });
    }
  }
  const starts = [...new Set(ACTORS.flatMap((actor) => actor.versions.map((v) => v.from)).concat(0))].sort((a, b) => a - b);
  const eras: Era[] = starts.map((from) => {
    // Each actor's identity in this era: its latest version that has started (none before it joined).
    const active = ACTORS.flatMap((actor) => {
      const version = actor.versions.filter((v) => v.from <= from).at(-1);
      return version ? [{ id: rowOf.get(version.identity)!, activity: actor.activity }] : [];
    });
    const pickers = specs.map((spec) => {
      const allowed = active.filter(({ id }) => spec.actors.includes(rows[id]!.kind));
      if (allowed.length === 0) return null;
      return { ids: allowed.map(({ id }) => id), totals: cumulative(allowed.map(({ activity }) => activity)) };
    });
    return { from, pickers };
  });

  return {
    rows,
    pick(type, fraction, u) {
      let era = eras[0]!;
      for (const candidate of eras) if (candidate.from <= fraction) era = candidate;
      const picker = era.pickers[type];
      return picker ? picker.ids[weightedIndex(picker.totals, u)]! : -1;
    },
  };
}
