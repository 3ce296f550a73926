"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A popover's open state (the export menu, the views menu): a pointer down outside `root` closes it,
 * and `close()` closes it and gives focus back to its `trigger`, as a menu button must.
 */
export function usePopover() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOnOutside = (event: PointerEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOnOutside);
    return () => document.removeEventListener("pointerdown", closeOnOutside);
  }, [open]);

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };

  return { open, setOpen, root, trigger, close };
}
