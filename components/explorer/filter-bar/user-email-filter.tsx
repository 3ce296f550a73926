"use client";

import { useId, useState, type KeyboardEvent } from "react";

import { FILTER_VALUE_SCHEMAS } from "@/lib/filters";
import type { Person } from "@/lib/people";

import { afterPress } from "./after-press";
import { FIELD_CLASS, HINT_CLASS, LABEL_CLASS } from "./field-styles";
import { nextOptionIndex } from "./listbox-navigation";
import { useDraft } from "./use-draft";
import { usePeopleSuggestions } from "./use-people-suggestions";

/** The input's `name` (and Merge's parameter): the explorer's `/` shortcut finds the field by it. */
export const USER_EMAIL_INPUT_NAME = "user_email";

type UserEmailFilterProps = {
  value: string | undefined;
  /** Called with a valid address, or null to remove the filter; never with a malformed one. */
  onApply: (email: string | null) => void;
};

const count = ({ events, events_capped }: Person, loaded: boolean) =>
  `${events.toLocaleString("en-US")}${events_capped ? "+" : ""} ${loaded ? "loaded " : ""}event${events === 1 ? "" : "s"}`;

/**
 * "User email": a combobox (WAI-ARIA APG, list autocomplete) that suggests the people seen in the
 * trail as a name or an email is typed; choosing one filters by their email. A typed address is
 * applied on Enter or blur, checked by the shared schema before it reaches the URL.
 */
export function UserEmailFilter({ value, onApply }: UserEmailFilterProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const listboxId = `${id}-people`;
  const optionId = (index: number) => `${id}-person-${index}`;
  const [draft, setDraft] = useDraft(value ?? "");
  const [hint, setHint] = useState<string | null>(null);
  // Suggestions show while the user types, not for the value the field already holds.
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const { people, source } = usePeopleSuggestions(open ? draft : "");
  // An address typed in full needs no suggestion (which would only cover what lies below the field).
  const typedInFull = people.some((person) => person.email === draft.trim().toLowerCase());
  const shown = open && !typedInFull ? people : [];
  const active: Person | undefined = shown[activeIndex];

  function close() {
    setOpen(false);
    setActiveIndex(-1);
  }

  function choose(person: Person) {
    close();
    setDraft(person.email);
    setHint(null);
    if (person.email !== value) onApply(person.email);
  }

  function apply() {
    close();
    const text = draft.trim();
    if (text === "") {
      setHint(null);
      if (value !== undefined) onApply(null);
      return;
    }
    const parsed = FILTER_VALUE_SCHEMAS.user_email.safeParse(text);
    if (!parsed.success || parsed.data === undefined) {
      setHint(parsed.error?.issues[0]?.message ?? "Enter a valid email address");
      return;
    }
    setHint(null);
    if (parsed.data !== value) onApply(parsed.data);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      setActiveIndex((current) => nextOptionIndex(current, event.key === "ArrowDown" ? 1 : -1, people.length));
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (active) choose(active);
      else apply();
    } else if (event.key === "Escape" && (shown.length > 0 || draft !== (value ?? ""))) {
      // Close the suggestions, then undo the edit; the page's own Escape (closing the detail panel)
      // is left for a later press.
      event.stopPropagation();
      event.preventDefault();
      if (shown.length > 0) {
        close();
      } else {
        setDraft(value ?? "");
        setHint(null);
      }
    }
  }

  const expanded = shown.length > 0;
  return (
    <div className="flex w-full flex-col gap-1 sm:w-52">
      <label htmlFor={id} className={LABEL_CLASS}>
        User email
      </label>
      <div className="relative">
        <input
          id={id}
          name={USER_EMAIL_INPUT_NAME}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-activedescendant={active ? optionId(activeIndex) : undefined}
          inputMode="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="Name or jane@acme.com"
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            setHint(null);
            setOpen(true);
            setActiveIndex(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => afterPress(apply)}
          aria-invalid={hint !== null}
          aria-describedby={hint ? hintId : undefined}
          className={FIELD_CLASS}
        />
        <ul
          id={listboxId}
          role="listbox"
          aria-label="People in the audit trail"
          hidden={!expanded}
          // Keep focus (and the typed text) in the input while an option is clicked.
          onMouseDown={(event) => event.preventDefault()}
          className="absolute left-0 top-full z-30 mt-1 max-h-80 w-full overflow-y-auto rounded-md border border-zinc-200 bg-white py-1 text-sm shadow-lg sm:w-[26rem] dark:border-zinc-700 dark:bg-zinc-900"
        >
          {shown.map((person, index) => (
            <li
              key={person.email}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              onClick={() => choose(person)}
              onMouseMove={() => setActiveIndex(index)}
              className={`flex cursor-pointer flex-wrap items-baseline justify-between gap-x-3 px-3 py-1.5 ${
                index === activeIndex ? "bg-indigo-50 dark:bg-indigo-500/20" : ""
              }`}
            >
              <span className="min-w-0">
                <span className="font-medium">{person.name ?? person.email}</span>
                {person.name && <span className="block break-all text-xs text-zinc-600 dark:text-zinc-300">{person.email}</span>}
              </span>
              <span className="text-xs text-zinc-600 tabular-nums dark:text-zinc-300">{count(person, source === "loaded")}</span>
            </li>
          ))}
        </ul>
      </div>
      <p id={hintId} aria-live="polite" className={HINT_CLASS}>
        {hint}
      </p>
      <p aria-live="polite" className="sr-only">
        {expanded ? `${shown.length} ${shown.length === 1 ? "person" : "people"} suggested` : ""}
      </p>
    </div>
  );
}
