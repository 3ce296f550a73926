// Nothing lost, nothing doubled: the archive against the upstream, and each export against the
// archive it was read from. Pure comparisons of event ids; the soak gathers the ids.

export type ArchiveComparison = { lost: number; doubled: number; extra: number };

/** `archive` as read page by page: an id read twice is doubled, one the upstream never had is extra. */
export function compareArchive(upstream: readonly string[], archive: readonly string[]): ArchiveComparison {
  const held = new Set(archive);
  const known = new Set(upstream);
  return {
    lost: [...known].filter((id) => !held.has(id)).length,
    doubled: archive.length - held.size,
    extra: [...held].filter((id) => !known.has(id)).length,
  };
}

/**
 * How an export ended, as its client saw it: `complete` (a 200 whose body ended cleanly and parsed),
 * `refused` (an error answer), `cut` (the body broke off), `unanswered` (no answer at all).
 */
export type ExportOutcome = "complete" | "refused" | "cut" | "unanswered";

export type ExportRun = {
  outcome: ExportOutcome;
  /** The ids in the file, in order (complete exports only). */
  ids: readonly string[];
  /**
   * The archive's ids for the export's filters among the rows committed when it started (its
   * frozen bounds); null when they could not be read (the database was down).
   */
  heldAtStart: readonly string[] | null;
  /** A body that ended cleanly but could not be read as a whole file. */
  unreadable?: boolean;
};

/** `short`: it looked whole but lacks or repeats events. `failed-visibly`: the client saw it fail. */
export type ExportVerdict = "whole" | "short" | "failed-visibly" | "whole-unverified";

export type ExportJudgement = { verdict: ExportVerdict; missing: number; duplicates: number; unknown: number };

/** `known`: every event id the upstream ever served, so an export cannot hold an invented one. */
export function judgeExport(run: ExportRun, known: ReadonlySet<string>): ExportJudgement {
  if (run.outcome !== "complete") return { verdict: "failed-visibly", missing: 0, duplicates: 0, unknown: 0 };
  const exported = new Set(run.ids);
  const duplicates = run.ids.length - exported.size;
  const unknown = [...exported].filter((id) => !known.has(id)).length;
  const missing = run.heldAtStart === null ? 0 : run.heldAtStart.filter((id) => !exported.has(id)).length;
  const flawed = run.unreadable === true || duplicates > 0 || unknown > 0 || missing > 0;
  const verdict = flawed ? "short" : run.heldAtStart === null ? "whole-unverified" : "whole";
  return { verdict, missing, duplicates, unknown };
}
