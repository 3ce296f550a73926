"use client";

import { useState, type ReactNode } from "react";

import { useHydrated } from "@/components/use-hydrated";

type LeavePageButtonProps = { onLeave: () => void; className: string; children: ReactNode };

/**
 * A button whose action leaves the page (next-auth's sign-in and sign-out). Disabled until hydrated,
 * so a click on the server's HTML is not lost, and after the click, so it is not sent twice while
 * the next page loads.
 */
export function LeavePageButton({ onLeave, className, children }: LeavePageButtonProps) {
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      disabled={!hydrated || pending}
      aria-busy={pending}
      onClick={() => {
        setPending(true);
        onLeave();
      }}
      className={className}
    >
      {children}
    </button>
  );
}
