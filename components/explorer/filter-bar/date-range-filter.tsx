"use client";

import { useId, useState, type FocusEvent, type KeyboardEvent } from "react";

import { useHydrated } from "@/components/use-hydrated";
import { CUSTOM_LABEL, DATE_PRESETS, findDatePreset, type DatePreset, type DateRange } from "@/lib/date-presets";
import { readQueryParams, toSearchParams } from "@/lib/filters";

import { FIELD_CLASS, HINT_CLASS, LABEL_CLASS } from "./field-styles";
import { isoToLocalInput, localInputToIso } from "./local-datetime";
import { useDraft } from "./use-draft";

type Bound = "start_date" | "end_date";

type DateRangeFilterProps = {
  range: DateRange;
  /** The preset the range came from (see activePreset), or null for "Custom". */
  preset: DatePreset | null;
  onPreset: (preset: DatePreset) => void;
  /** Called with a changed bound (ISO UTC, or null to remove it) that keeps the range valid. */
  onChange: (patch: Partial<Record<Bound, string | null>>) => void;
};

/** Date range: presets, and "From"/"To" in the user's time zone, applied on Enter or blur. */
export function DateRangeFilter({ range, preset, onPreset, onChange }: DateRangeFilterProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  // Local wall-clock values need the browser's zone: empty in the server's HTML, filled once hydrated.
  const hydrated = useHydrated();
  const local = (iso: string | undefined) => (hydrated && iso ? isoToLocalInput(iso) : "");
  const [fromDraft, setFromDraft] = useDraft(local(range.start_date));
  const [toDraft, setToDraft] = useDraft(local(range.end_date));
  const [hint, setHint] = useState<{ bound: Bound; message: string } | null>(null);

  function apply(bound: Bound, input: HTMLInputElement) {
    // Untouched: keep the URL's exact value (it can carry milliseconds the input cannot show).
    if (input.value === local(range[bound]) && !input.validity.badInput) {
      setHint(null);
      return;
    }
    // A half-typed datetime-local reads as "": tell the user instead of removing the bound.
    if (input.validity.badInput) {
      setHint({ bound, message: "Enter a full date and time" });
      return;
    }
    const iso = input.value === "" ? null : localInputToIso(input.value);
    if (input.value !== "" && iso === null) {
      setHint({ bound, message: "Enter a full date and time" });
      return;
    }
    const next = { ...range, [bound]: iso ?? undefined };
    const [problem] = readQueryParams(toSearchParams(next), ["start_date", "end_date"]).errors;
    if (problem) {
      setHint({ bound, message: problem.message });
      return;
    }
    setHint(null);
    if (iso !== (range[bound] ?? null)) onChange({ [bound]: iso });
  }

  function onKeyDown(bound: Bound, event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      event.preventDefault();
      apply(bound, event.currentTarget);
    }
  }

  function onBlur(bound: Bound, event: FocusEvent<HTMLInputElement>) {
    apply(bound, event.currentTarget);
  }

  const bounds = [
    { bound: "start_date", label: "From", draft: fromDraft, setDraft: setFromDraft },
    { bound: "end_date", label: "To", draft: toDraft, setDraft: setToDraft },
  ] as const;

  return (
    <fieldset className="flex w-full min-w-0 flex-col gap-1 sm:w-auto">
      <legend className="sr-only">Date range</legend>
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex w-full flex-col gap-1 sm:w-40">
          <label htmlFor={`${id}-preset`} className={LABEL_CLASS}>
            Date range
          </label>
          <select
            id={`${id}-preset`}
            value={preset?.id ?? "custom"}
            onChange={(event) => {
              const chosen = findDatePreset(event.target.value);
              if (chosen) onPreset(chosen);
            }}
            className={FIELD_CLASS}
          >
            {DATE_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
            {/* Shown, never chosen: editing "From" or "To" is what makes a range custom. */}
            <option value="custom" disabled>
              {CUSTOM_LABEL}
            </option>
          </select>
        </div>
        {bounds.map(({ bound, label, draft, setDraft }) => (
          <div key={bound} className="flex w-full min-w-0 flex-col gap-1 sm:w-60">
            <label htmlFor={`${id}-${bound}`} className={LABEL_CLASS}>
              {label}
            </label>
            <input
              id={`${id}-${bound}`}
              type="datetime-local"
              step={1}
              value={draft}
              onChange={(event) => {
                setDraft(event.target.value);
                setHint(null);
              }}
              onKeyDown={(event) => onKeyDown(bound, event)}
              onBlur={(event) => onBlur(bound, event)}
              aria-invalid={hint?.bound === bound}
              aria-describedby={hint ? hintId : undefined}
              className={FIELD_CLASS}
            />
          </div>
        ))}
      </div>
      <p id={hintId} aria-live="polite" className={HINT_CLASS}>
        {hint?.message}
      </p>
    </fieldset>
  );
}
