"use client";

import { useEffect, useRef, type ReactNode } from "react";

import { Button } from "@/components/ui/button";

type SidePanelProps = {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
};

/**
 * A non-modal side panel: the page behind stays usable (the table can still be read and j/k still
 * move), Escape closes it, focus moves to its heading on open. Whoever opened it restores focus.
 */
export function SidePanel({ title, onClose, children }: SidePanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      // A popup inside (a combobox, a menu) that handled Escape marks the event as handled.
      if (event.key === "Escape" && !event.defaultPrevented) onClose();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [onClose]);

  return (
    <aside
      role="dialog"
      aria-modal="false"
      aria-labelledby="side-panel-title"
      className="fixed inset-y-0 right-0 z-40 flex w-full flex-col border-l border-zinc-200 bg-white shadow-2xl sm:w-[30rem] dark:border-zinc-800 dark:bg-zinc-950"
    >
      <div className="flex items-center justify-between gap-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <h2 id="side-panel-title" ref={headingRef} tabIndex={-1} className="min-w-0 truncate text-base font-semibold outline-none">
          {title}
        </h2>
        <Button variant="ghost" onClick={onClose} aria-label="Close">
          <span aria-hidden="true">✕</span>
        </Button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-4">{children}</div>
    </aside>
  );
}
