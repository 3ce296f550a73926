"use client";

import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

/** Copies `value` to the clipboard and confirms with a toast; `label` names what is copied. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const toast = useToast();
  return (
    <Button
      variant="ghost"
      className="px-2 py-1 text-xs"
      aria-label={`Copy ${label}`}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
          toast(`Copied ${label}`);
        } catch {
          toast(`Could not copy ${label}: the browser refused clipboard access`);
        }
      }}
    >
      Copy
    </Button>
  );
}
