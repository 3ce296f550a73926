"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";

import { useTimeZone } from "@/components/explorer/use-time-zone";
import { useHydrated } from "@/components/use-hydrated";
import { ALL_TIME, CUSTOM, isRangeId, RANGE_IDS, RANGE_LABELS, type DateRange, type RangeId } from "@/lib/date-presets";
import { readQueryParams, toSearchParams } from "@/lib/filters";

import { afterPress } from "./after-press";
import { FIELD_CLASS, HINT_CLASS, LABEL_CLASS } from "./field-styles";
import { isoToLocalInput, isoToTypedDateTime, readTypedDateTime } from "./local-datetime";
import { useDraft } from "./use-draft";

type Bound = "start_date" | "end_date";

type DateRangeFilterProps = {
  /** The dates the table covers: a relative range's as last resolved. */
  range: DateRange;
  /** The URL's relative range, if any (the select shows it; "Custom" for dates, "All time" for none). */
  relative: RangeId | undefined;
  /** A relative range chosen, or null for "All time". */
  onRelative: (range: RangeId | null) => void;
  /** Called with a changed bound (ISO UTC, or null to remove it) that keeps the range valid. */
  onChange: (patch: Partial<Record<Bound, string | null>>) => void;
};

/**
 * Date range: relative ranges ("Last hour", "Yesterday": `range=` in the URL, resolved again at each
 * fetch), and "From"/"To" in the display zone, applied on Enter or blur. Each date is a text field
 * (typed as YYYY-MM-DD HH:MM) and a calendar button: two Tab stops, where a `datetime-local` field
 * makes one of each part of the date.
 */
export function DateRangeFilter({ range, relative, onRelative, onChange }: DateRangeFilterProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const { timeZone } = useTimeZone();
  // Wall-clock values may need the browser's zone: empty in the server's HTML, filled once hydrated.
  const hydrated = useHydrated();
  const local = (iso: string | undefined) => (hydrated && iso ? isoToTypedDateTime(iso, timeZone) : "");
  const [fromDraft, setFromDraft] = useDraft(local(range.start_date));
  const [toDraft, setToDraft] = useDraft(local(range.end_date));
  const [hint, setHint] = useState<{ bound: Bound; message: string } | null>(null);
  const pickers = useRef<Partial<Record<Bound, HTMLInputElement | null>>>({});

  function apply(bound: Bound, text: string) {
    // Untouched: keep the URL's exact value (it can carry milliseconds the field does not show).
    if (text.trim() === local(range[bound])) {
      setHint(null);
      return;
    }
    let iso: string | null = null;
    if (text.trim() !== "") {
      const typed = readTypedDateTime(text, timeZone);
      if (!typed.ok) {
        setHint({ bound, message: typed.message });
        return;
      }
      iso = typed.iso;
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
      apply(bound, event.currentTarget.value);
    }
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
            value={relative ?? (range.start_date || range.end_date ? CUSTOM.id : ALL_TIME.id)}
            onChange={(event) => {
              const chosen = event.target.value;
              if (isRangeId(chosen)) onRelative(chosen);
              else if (chosen === ALL_TIME.id) onRelative(null);
            }}
            className={FIELD_CLASS}
          >
            {RANGE_IDS.map((rangeId) => (
              <option key={rangeId} value={rangeId}>
                {RANGE_LABELS[rangeId]}
              </option>
            ))}
            <option value={ALL_TIME.id}>{ALL_TIME.label}</option>
            {/* Shown, never chosen: editing "From" or "To" is what makes a range custom. */}
            <option value={CUSTOM.id} disabled>
              {CUSTOM.label}
            </option>
          </select>
        </div>
        {bounds.map(({ bound, label, draft, setDraft }) => (
          <div key={bound} className="flex w-full min-w-0 flex-col gap-1 sm:w-52">
            <label htmlFor={`${id}-${bound}`} className={LABEL_CLASS}>
              {label}
            </label>
            <div className="relative">
              <input
                id={`${id}-${bound}`}
                type="text"
                autoComplete="off"
                spellCheck={false}
                placeholder="YYYY-MM-DD HH:MM"
                value={draft}
                onChange={(event) => {
                  setDraft(event.target.value);
                  setHint(null);
                }}
                onKeyDown={(event) => onKeyDown(bound, event)}
                onBlur={(event) => {
                  const text = event.currentTarget.value;
                  afterPress(() => apply(bound, text));
                }}
                aria-invalid={hint?.bound === bound}
                aria-describedby={hint ? hintId : undefined}
                className={`${FIELD_CLASS} pr-9`}
              />
              {/* The browser's own calendar, opened by the button; kept out of the Tab order. */}
              <input
                ref={(element) => {
                  pickers.current[bound] = element;
                }}
                type="datetime-local"
                step={1}
                tabIndex={-1}
                aria-hidden="true"
                value={hydrated && range[bound] ? isoToLocalInput(range[bound], timeZone) : ""}
                onChange={(event) => {
                  setDraft(event.target.value.replace("T", " "));
                  apply(bound, event.target.value);
                }}
                className="pointer-events-none absolute bottom-0 left-0 h-0 w-full opacity-0"
              />
              <button
                type="button"
                aria-label={`Choose ${label} on a calendar`}
                title={`Choose ${label} on a calendar`}
                onClick={() => pickers.current[bound]?.showPicker()}
                className="absolute inset-y-0 right-1 my-auto h-7 rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
              >
                <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 fill-none stroke-current stroke-[1.5]">
                  <rect x="2" y="3" width="12" height="11" rx="1.5" />
                  <path d="M2 6.5h12M5 1.5v3M11 1.5v3" />
                </svg>
              </button>
            </div>
          </div>
        ))}
      </div>
      <p id={hintId} aria-live="polite" className={HINT_CLASS}>
        {hint?.message}
      </p>
    </fieldset>
  );
}
