"use client";

import { useId, useState, type KeyboardEvent } from "react";

import { FILTER_VALUE_SCHEMAS } from "@/lib/filters";

import { FIELD_CLASS, HINT_CLASS, LABEL_CLASS } from "./field-styles";
import { useDraft } from "./use-draft";

/** The input's `name` (and Merge's parameter): the explorer's `/` shortcut finds the field by it. */
export const USER_EMAIL_INPUT_NAME = "user_email";

type UserEmailFilterProps = {
  value: string | undefined;
  /** Called with a valid address, or null to remove the filter; never with a malformed one. */
  onApply: (email: string | null) => void;
};

/** "User email": applied on Enter or blur, checked by the shared schema before it reaches the URL. */
export function UserEmailFilter({ value, onApply }: UserEmailFilterProps) {
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
    const parsed = FILTER_VALUE_SCHEMAS.user_email.safeParse(text);
    if (!parsed.success || parsed.data === undefined) {
      setHint(parsed.error?.issues[0]?.message ?? "Enter a valid email address");
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

  return (
    <div className="flex w-full flex-col gap-1 sm:w-52">
      <label htmlFor={id} className={LABEL_CLASS}>
        User email
      </label>
      <input
        id={id}
        name={USER_EMAIL_INPUT_NAME}
        type="text"
        inputMode="email"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        placeholder="jane@acme.com"
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          setHint(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={apply}
        aria-invalid={hint !== null}
        aria-describedby={hint ? hintId : undefined}
        className={FIELD_CLASS}
      />
      <p id={hintId} aria-live="polite" className={HINT_CLASS}>
        {hint}
      </p>
    </div>
  );
}
