"use client";

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";

import { eventTypeLabel } from "@/lib/event-types";

import { eventTypeOptionGroups, flattenOptions, type EventTypeOption } from "./event-type-options";
import { FIELD_CLASS, LABEL_CLASS } from "./field-styles";

// "Event type": an editable combobox with a grouped listbox popup and list autocomplete with
// automatic selection (WAI-ARIA APG). Focus stays in the input; the active option is conveyed with
// aria-activedescendant. Arrows move, Enter chooses, Escape closes (and undoes the typing), Tab leaves.

type EventTypeComboboxProps = {
  value: string | undefined;
  onChange: (code: string | null) => void;
};

function nextIndex(current: number, step: 1 | -1, length: number): number {
  if (length === 0) return -1;
  if (current === -1) return step === 1 ? 0 : length - 1;
  return (current + step + length) % length;
}

export function EventTypeCombobox({ value, onChange }: EventTypeComboboxProps) {
  const id = useId();
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
    if (initial === "current" && value && options.some((option) => option.code === value)) setActiveCode(value);
    else if (initial === "last") setActiveCode(options.at(-1)?.code ?? null);
    else setActiveCode(options[0]?.code ?? null);
  }

  function close() {
    setOpen(false);
    setSearch(null);
  }

  function choose(code: string | null) {
    close();
    if (code !== (value ?? null)) onChange(code);
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
        else if ((search ?? "").trim() === "") choose(null);
        break;
      case "Escape":
        if (open || search !== null) {
          // Only this control's Escape: the page's (closing the detail panel) waits for the next press.
          event.preventDefault();
          event.stopPropagation();
          close();
        }
        break;
    }
  }

  function onType(text: string) {
    setSearch(text);
    setOpen(true);
    setActiveCode(flattenOptions(eventTypeOptionGroups(text))[0]?.code ?? null);
  }

  const shownText = search ?? (value ? eventTypeLabel(value) : "");

  return (
    <div className="flex w-full flex-col gap-1 sm:w-60">
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
          title={value}
          onChange={(event) => onType(event.target.value)}
          onKeyDown={onKeyDown}
          // Selecting the shown label lets typing replace it rather than append to it.
          onFocus={(event) => event.currentTarget.select()}
          onClick={(event) => {
            if (open) return;
            openList("current");
            event.currentTarget.select();
          }}
          onBlur={close}
          className={`${FIELD_CLASS} pr-16`}
        />
        <div className="absolute inset-y-0 right-1 flex items-center">
          {value ? (
            <button
              type="button"
              aria-label="Clear event type"
              title="Clear event type"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(null)}
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
          <ul
            id={listboxId}
            role="listbox"
            aria-label="Event types"
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
                    return (
                      <li
                        key={option.code}
                        id={optionId(option.code)}
                        role="option"
                        aria-selected={isActive}
                        onClick={() => choose(option.code)}
                        onMouseMove={() => setActiveCode(option.code)}
                        className={`flex cursor-pointer flex-wrap items-baseline justify-between gap-x-3 px-3 py-1.5 ${
                          isActive ? "bg-indigo-50 dark:bg-indigo-500/20" : ""
                        }`}
                      >
                        <span className={option.code === value ? "font-semibold" : undefined}>
                          {option.label}
                          {option.code === value ? <span className="sr-only"> (current filter)</span> : null}
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
