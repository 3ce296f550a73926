"use client";

import { useId, useState, type KeyboardEvent } from "react";
import type { z } from "zod";

import { afterPress } from "./after-press";
import { FIELD_CLASS, HINT_CLASS, LABEL_CLASS } from "./field-styles";
import { useDraft } from "./use-draft";

type TextFilterProps = {
  label: string;
  /** The input's `name`: the filter's URL parameter. */
  name: string;
  placeholder: string;
  /** The shared rule for one value (lib/filters.ts FILTER_VALUE_SCHEMAS): its message is the hint. */
  schema: z.ZodType<string | undefined, string>;
  value: string | undefined;
  /** Called with a valid value, or null to remove the filter; never with a malformed one. */
  onApply: (value: string | null) => void;
  inputMode?: "email" | "text" | "search";
  disabled?: boolean;
  /** An element that says why the field is disabled. */
  describedBy?: string;
  className?: string;
};

/** A text filter applied on Enter or blur, checked by the shared schema before it reaches the URL. */
export function TextFilter({
  label,
  name,
  placeholder,
  schema,
  value,
  onApply,
  inputMode = "text",
  disabled,
  describedBy,
  className = "sm:w-52",
}: TextFilterProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const [draft, setDraft] = useDraft(value ?? "");
  const [hint, setHint] = useState<string | null>(null);

  function apply() {
    const text = draft.trim();
    if (text === "") {
      setHint(null);
      if (value !== undefined) onApply(null);
      return;
    }
    const parsed = schema.safeParse(text);
    if (!parsed.success || parsed.data === undefined) {
      setHint(parsed.error?.issues[0]?.message ?? `Enter a valid ${label.toLowerCase()}`);
      return;
    }
    setHint(null);
    if (parsed.data !== value) onApply(parsed.data);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      event.preventDefault();
      apply();
    } else if (event.key === "Escape" && draft !== (value ?? "")) {
      // Undo the edit; the page's own Escape (closing the detail panel) is left for a second press.
      event.stopPropagation();
      setDraft(value ?? "");
      setHint(null);
    }
  }

  const described = [hint ? hintId : undefined, describedBy].filter(Boolean).join(" ");
  return (
    <div className={`flex w-full flex-col gap-1 ${className}`}>
      <label htmlFor={id} className={LABEL_CLASS}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        placeholder={placeholder}
        value={draft}
        disabled={disabled}
        onChange={(event) => {
          setDraft(event.target.value);
          setHint(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => afterPress(apply)}
        aria-invalid={hint !== null}
        aria-describedby={described || undefined}
        className={`${FIELD_CLASS} disabled:cursor-not-allowed disabled:opacity-60`}
      />
      <p id={hintId} aria-live="polite" className={HINT_CLASS}>
        {hint}
      </p>
    </div>
  );
}
