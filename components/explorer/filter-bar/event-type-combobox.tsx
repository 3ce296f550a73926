"use client";

import { useEffect, useId, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";

import { EVENT_GROUP_SLUG_LIST, EVENT_GROUP_SLUGS } from "@/lib/event-types";
import { includeValue, removeValue, valueFilterOf } from "@/lib/filters";

import { eventTypeOptionGroups, flattenOptions, type EventTypeOption } from "./event-type-options";
import { selectionNames, selectionSummary, toggleValue, type EventTypeSelection } from "./event-type-selection";
import { FIELD_CLASS, LABEL_CLASS } from "./field-styles";

// "Event type": an editable combobox with a grouped listbox popup and list autocomplete (WAI-ARIA
// APG). Focus stays in the input; the active option is conveyed with aria-activedescendant. Arrows
// move, Enter chooses, Escape closes (and undoes the typing). With the archive it is a multi-select:
// Enter or a click adds or takes out a type and the list stays open; Tab reaches a checkbox per
// group above the list. Without it, Merge filters by one type: choosing replaces, and groups are
// disabled with the reason.

/** Why the groups (and several types) are disabled on a server without the archive. */
export const GROUPS_NEED_ARCHIVE = "Groups and several event types need the archive, which is off on this server.";

type EventTypeComboboxProps = {
  value: EventTypeSelection;
  /** Several types, groups and exclusions: only the archive answers them. */
  multiple: boolean;
  onChange: (selection: EventTypeSelection) => void;
};

function nextIndex(current: number, step: 1 | -1, length: number): number {
  if (length === 0) return -1;
  if (current === -1) return step === 1 ? 0 : length - 1;
  return (current + step + length) % length;
}

export function EventTypeCombobox({ value, multiple, onChange }: EventTypeComboboxProps) {
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const included = value.event_type?.include ?? [];
  const excluded = value.event_type?.exclude ?? [];
  const chosenCount = selectionNames(value).length;
  const inputId = `${id}-input`;
  const listboxId = `${id}-listbox`;
  const optionId = (code: string) => `${id}-option-${code}`;

  const inputRef = useRef<HTMLInputElement>(null);
  // null while the user is not typing: the input then shows the current value.
  const [search, setSearch] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [activeCode, setActiveCode] = useState<string | null>(null);

  const groups = useMemo(() => eventTypeOptionGroups(search ?? ""), [search]);
  const options = useMemo(() => flattenOptions(groups), [groups]);
  const activeIndex = options.findIndex((option) => option.code === activeCode);
  const active: EventTypeOption | undefined = open ? options[activeIndex] : undefined;

  useEffect(() => {
    if (active) document.getElementById(`${id}-option-${active.code}`)?.scrollIntoView({ block: "nearest" });
  }, [active, id]);

  function openList(initial: "current" | "first" | "last") {
    setOpen(true);
    const current = included[0];
    if (initial === "current" && current && options.some((option) => option.code === current)) setActiveCode(current);
    else if (initial === "last") setActiveCode(options.at(-1)?.code ?? null);
    else setActiveCode(options[0]?.code ?? null);
  }

  function close() {
    setOpen(false);
    setSearch(null);
  }

  function clear() {
    close();
    if (chosenCount > 0) onChange({});
  }

  function choose(code: string) {
    if (multiple) {
      onChange({ ...value, event_type: toggleValue(value.event_type, code) });
      return;
    }
    close();
    if (!(included.length === 1 && included[0] === code && chosenCount === 1)) onChange({ event_type: valueFilterOf(code) });
  }

  function onLeave(event: FocusEvent) {
    // Focus moving between the input and the group checkboxes keeps the popup open.
    if (!(event.relatedTarget instanceof Node && rootRef.current?.contains(event.relatedTarget))) close();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        if (!open) openList(event.altKey ? "current" : step === 1 ? "current" : "last");
        else setActiveCode(options[nextIndex(activeIndex, step, options.length)]?.code ?? null);
        break;
      }
      case "Enter":
        if (!open) break;
        event.preventDefault();
        if (active) choose(active.code);
        else if ((search ?? "").trim() === "") clear();
        break;
      case "Escape":
        if (open || search !== null) {
          // Only this control's Escape: the page's (closing the detail panel) waits for the next press.
          event.preventDefault();
          event.stopPropagation();
          close();
        } else if (chosenCount > 0) {
          // Nothing left to close or undo: Escape clears, as the ✕ does (which is not a Tab stop).
          event.preventDefault();
          event.stopPropagation();
          clear();
        }
        break;
    }
  }

  function onType(text: string) {
    setSearch(text);
    setOpen(true);
    setActiveCode(flattenOptions(eventTypeOptionGroups(text))[0]?.code ?? null);
  }

  const shownText = search ?? selectionSummary(value);
  const groupsChosen = value.event_group?.include ?? [];

  return (
    <div
      ref={rootRef}
      onBlur={onLeave}
      onKeyDown={(event) => {
        // Escape from a group checkbox closes the popup and returns to the input.
        if (event.key === "Escape" && open && event.target !== inputRef.current) {
          event.preventDefault();
          event.stopPropagation();
          close();
          inputRef.current?.focus();
        }
      }}
      className="flex w-full flex-col gap-1 sm:w-60"
    >
      <label htmlFor={inputId} className={LABEL_CLASS}>
        Event type
      </label>
      <div className="relative">
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listboxId}
          aria-activedescendant={active ? optionId(active.code) : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder="Any event type"
          value={shownText}
          title={selectionNames(value).join(", ") || undefined}
          onChange={(event) => onType(event.target.value)}
          onKeyDown={onKeyDown}
          // Selecting the shown label lets typing replace it rather than append to it.
          onFocus={(event) => event.currentTarget.select()}
          onClick={(event) => {
            if (open) return;
            openList("current");
            event.currentTarget.select();
          }}
          className={`${FIELD_CLASS} pr-16`}
        />
        <div className="absolute inset-y-0 right-1 flex items-center">
          {chosenCount > 0 ? (
            // Out of the Tab order, so Tab then Space cannot clear a filter unnoticed; Escape in the field clears too.
            <button
              type="button"
              tabIndex={-1}
              aria-label="Clear event type"
              title="Clear event type (Escape)"
              onMouseDown={(event) => event.preventDefault()}
              onClick={clear}
              className="rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
            >
              <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 fill-none stroke-current stroke-2">
                <path d="M4 4l8 8M12 4l-8 8" />
              </svg>
            </button>
          ) : null}
          <button
            type="button"
            tabIndex={-1}
            aria-label="Show event types"
            aria-controls={listboxId}
            aria-expanded={open}
            // Keep focus (and the listbox) with the input while clicking.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              inputRef.current?.focus();
              if (open) close();
              else openList("current");
            }}
            className="rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
          >
            <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 fill-none stroke-current stroke-2">
              <path d="M4 6l4 4 4-4" />
            </svg>
          </button>
        </div>
        <div
          hidden={!open}
          className="absolute left-0 top-full z-30 mt-1 w-full min-w-0 overflow-hidden rounded-md border border-zinc-200 bg-white shadow-lg sm:w-[28rem] dark:border-zinc-700 dark:bg-zinc-900"
        >
          <fieldset disabled={!multiple} className="border-b border-zinc-200 px-3 py-2 dark:border-zinc-700">
            <legend className="float-left mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
              Groups
            </legend>
            <div className="clear-both grid grid-cols-1 gap-x-3 gap-y-0.5 text-sm sm:grid-cols-2">
              {EVENT_GROUP_SLUG_LIST.map((slug) => (
                <label key={slug} className="flex items-center gap-2 has-[:disabled]:opacity-60">
                  <input
                    type="checkbox"
                    checked={groupsChosen.includes(slug)}
                    onChange={(event) =>
                      onChange({
                        ...value,
                        event_group: event.target.checked
                          ? includeValue(value.event_group, slug)
                          : removeValue(value.event_group, slug),
                      })
                    }
                    className="size-4 accent-indigo-600 dark:accent-indigo-400"
                  />
                  {EVENT_GROUP_SLUGS[slug]}
                </label>
              ))}
            </div>
            {!multiple && <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{GROUPS_NEED_ARCHIVE}</p>}
          </fieldset>
          <ul
            id={listboxId}
            role="listbox"
            aria-label="Event types"
            aria-multiselectable={multiple || undefined}
            hidden={options.length === 0}
            onMouseDown={(event) => event.preventDefault()}
            className="max-h-80 overflow-y-auto py-1 text-sm"
          >
            {(open ? groups : []).map((group, groupIndex) => (
              <li key={group.group} role="presentation">
                <ul role="group" aria-labelledby={`${id}-group-${groupIndex}`}>
                  <li
                    id={`${id}-group-${groupIndex}`}
                    role="presentation"
                    className="px-3 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400"
                  >
                    {group.group}
                  </li>
                  {group.options.map((option) => {
                    const isActive = option.code === active?.code;
                    const isIncluded = included.includes(option.code);
                    const isExcluded = excluded.includes(option.code);
                    return (
                      <li
                        key={option.code}
                        id={optionId(option.code)}
                        role="option"
                        aria-selected={isIncluded}
                        onClick={() => choose(option.code)}
                        onMouseMove={() => setActiveCode(option.code)}
                        className={`flex cursor-pointer flex-wrap items-baseline justify-between gap-x-3 px-3 py-1.5 ${
                          isActive ? "bg-indigo-50 dark:bg-indigo-500/20" : ""
                        }`}
                      >
                        <span className={`flex items-baseline gap-2 ${isIncluded ? "font-semibold" : ""}`}>
                          <span aria-hidden="true" className="inline-block w-3 text-indigo-700 dark:text-indigo-300">
                            {isIncluded ? "✓" : isExcluded ? "−" : ""}
                          </span>
                          <span className={isExcluded ? "line-through" : undefined}>{option.label}</span>
                          {isExcluded ? <span className="sr-only"> (excluded)</span> : null}
                        </span>
                        <span className="break-all font-mono text-xs text-zinc-600 dark:text-zinc-300">
                          {option.label === option.code ? "not in the list: filter by this code" : option.code}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ul>
          {options.length === 0 ? (
            <p className="px-3 py-2 text-sm text-zinc-600 dark:text-zinc-400">
              No event type matches. A code such as INVITED_USER (A–Z, 0–9 and _) filters even if it is not listed.
            </p>
          ) : null}
        </div>
      </div>
      <p aria-live="polite" className="sr-only">
        {open ? `${options.length} event ${options.length === 1 ? "type" : "types"} listed` : ""}
      </p>
    </div>
  );
}
