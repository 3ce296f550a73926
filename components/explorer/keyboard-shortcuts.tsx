"use client";

import { useEffect, useRef, useState } from "react";

import { isTypingTarget } from "@/components/explorer/keyboard";
import { Button } from "@/components/ui/button";

// The explorer's keyboard shortcuts, listed in a dialog that `?` opens, and a visible button that
// says so: shortcuts nobody can discover are not there for most people.

const SHORTCUTS = [
  { keys: ["/"], does: "Focus the user email filter" },
  { keys: ["j", "k"], does: "Move to the next or previous event" },
  { keys: ["Enter"], does: "Open the focused event's detail" },
  { keys: ["Escape"], does: "Close the detail, a list of suggestions, or this dialog" },
  { keys: ["Escape"], does: "In a filter field: undo the typing, then clear the filter" },
  { keys: ["?"], does: "Show these shortcuts" },
] as const;

export function KeyboardShortcuts() {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "?" || event.metaKey || event.ctrlKey || event.altKey || isTypingTarget(event.target)) return;
      event.preventDefault();
      setOpen(true);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  useEffect(() => {
    // A modal <dialog>: the browser keeps focus inside and gives it back to the opener on close.
    if (open && !dialog.current?.open) dialog.current?.showModal();
    if (!open && dialog.current?.open) dialog.current.close();
  }, [open]);

  return (
    <>
      <Button variant="ghost" className="max-sm:hidden" aria-keyshortcuts="?" onClick={() => setOpen(true)}>
        Shortcuts
        <kbd className="rounded border border-zinc-300 px-1 font-mono text-xs dark:border-zinc-600">?</kbd>
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="keyboard-shortcuts-title"
        onClose={() => setOpen(false)}
        onKeyDown={(event) => {
          // Escape closes this dialog only, not the event detail behind it.
          if (event.key === "Escape") event.stopPropagation();
        }}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-5 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/40 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
      >
        <div className="flex items-center justify-between gap-2">
          <h2 id="keyboard-shortcuts-title" className="text-base font-semibold">
            Keyboard shortcuts
          </h2>
          <Button variant="ghost" aria-label="Close" onClick={() => setOpen(false)}>
            <span aria-hidden="true">✕</span>
          </Button>
        </div>
        <dl className="mt-4 grid grid-cols-[auto_1fr] items-baseline gap-x-4 gap-y-2 text-sm">
          {SHORTCUTS.map(({ keys, does }) => (
            <div key={does} className="contents">
              <dt className="flex gap-1">
                {keys.map((key) => (
                  <kbd key={key} className="rounded border border-zinc-300 px-1.5 font-mono text-xs dark:border-zinc-600">
                    {key}
                  </kbd>
                ))}
              </dt>
              <dd className="text-zinc-700 dark:text-zinc-300">{does}</dd>
            </div>
          ))}
        </dl>
      </dialog>
    </>
  );
}
