"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";

import { FIELD_CLASS, HINT_CLASS, LABEL_CLASS } from "@/components/explorer/filter-bar/field-styles";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { explorerUrl } from "@/lib/explorer-url";
import type { AuditTrailFilters } from "@/lib/filters";
import { VIEW_NAME_MAX, type ViewScope } from "@/lib/saved-views";

import { useViewWrites } from "./use-views";

/** "Save view": names the table's filters, for oneself (personal) or for everyone (team). */
export function SaveViewButton({ filters }: { filters: AuditTrailFilters | null }) {
  const id = useId();
  const toast = useToast();
  const { save } = useViewWrites();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [scope, setScope] = useState<ViewScope>("personal");
  const nameRef = useRef<HTMLInputElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) nameRef.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    save.reset();
    triggerRef.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!filters) return;
    const search = new URL(explorerUrl({ filters }), window.location.origin).search.slice(1);
    const view = await save.mutateAsync({ name, scope, search }).catch(() => null);
    if (!view) return;
    toast(`Saved the ${view.scope} view "${view.name}"`);
    setName("");
    close();
  };

  return (
    <div className="relative">
      <Button ref={triggerRef} aria-expanded={open} aria-controls={open ? id : undefined} disabled={!filters} onClick={() => (open ? close() : setOpen(true))}>
        Save view
      </Button>
      {open && (
        <form
          id={id}
          aria-label="Save view"
          onSubmit={(event) => void submit(event)}
          onKeyDown={(event) => event.key === "Escape" && close()}
          className="absolute top-full right-0 z-20 mt-1 flex w-72 flex-col gap-2 rounded-md border border-zinc-200 bg-white p-3 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          <label className="flex flex-col gap-1">
            <span className={LABEL_CLASS}>View name</span>
            <input
              ref={nameRef}
              value={name}
              maxLength={VIEW_NAME_MAX}
              required
              aria-invalid={save.isError}
              aria-describedby={`${id}-error`}
              onChange={(event) => setName(event.target.value)}
              className={FIELD_CLASS}
            />
          </label>
          <fieldset className="flex gap-3 text-sm text-zinc-900 dark:text-zinc-100">
            <legend className={`${LABEL_CLASS} mb-1`}>Who sees it</legend>
            {(["personal", "team"] as const).map((value) => (
              <label key={value} className="flex items-center gap-1">
                <input type="radio" name={`${id}-scope`} value={value} checked={scope === value} onChange={() => setScope(value)} />
                {value === "personal" ? "Only me" : "My team"}
              </label>
            ))}
          </fieldset>
          <p id={`${id}-error`} className={HINT_CLASS}>
            {save.isError ? save.error.message : ""}
          </p>
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" disabled={save.isPending}>
              Save
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
