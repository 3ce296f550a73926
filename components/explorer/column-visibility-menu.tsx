"use client";

import { useEffect, useId, useRef, useState } from "react";

import type { EventTable } from "@/components/explorer/use-event-table";
import { Button } from "@/components/ui/button";

/** "Columns": checkboxes for the hideable columns; the choice is remembered by useEventTable. */
export function ColumnVisibilityMenu({ table }: { table: EventTable }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      // Handled here, so an open side panel behind stays open.
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    }
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  const columns = table.getAllLeafColumns().filter((column) => column.getCanHide());

  return (
    <div ref={rootRef} className="relative">
      <Button ref={buttonRef} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((value) => !value)}>
        Columns
      </Button>
      {open && (
        <fieldset
          id={panelId}
          className="absolute right-0 z-30 mt-1 flex w-52 flex-col gap-1 rounded-md border border-zinc-200 bg-white p-3 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          <legend className="sr-only">Visible columns</legend>
          {columns.map((column) => (
            <label key={column.id} className="flex items-center gap-2 py-0.5 text-sm">
              <input
                type="checkbox"
                checked={column.getIsVisible()}
                onChange={(event) => column.toggleVisibility(event.target.checked)}
              />
              {typeof column.columnDef.header === "string" ? column.columnDef.header : column.id}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
