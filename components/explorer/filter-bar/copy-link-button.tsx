"use client";

import { useEffect, useId, useRef, useState } from "react";

import { useTimeZone } from "@/components/explorer/use-time-zone";
import { MenuList } from "@/components/menu-list";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { usePopover } from "@/components/use-popover";
import type { AuditTrailFilters } from "@/lib/filters";

import { FIELD_CLASS, LABEL_CLASS } from "./field-styles";
import { sharedViewUrl } from "./share-url";

type CopyLinkButtonProps = {
  /** The table's filters; null while the link's filters cannot be used (nothing to share). */
  filters: AuditTrailFilters | null;
  /** The same filters as the table fetched them (a relative range as dates). */
  window: AuditTrailFilters | null;
  openEvent: string | null;
};

const MENU_ITEMS = [
  { live: false, label: "Copy link (frozen dates)", hint: "the same events, whenever opened" },
  { live: true, label: "Copy live link", hint: "a relative range stays relative" },
] as const;

/**
 * "Copy link": the view the table shows, its dates frozen (see sharedViewUrl); the menu beside it
 * also copies it live, "Last hour" kept as such. When the browser refuses the clipboard, the link
 * is shown selected in a field to copy by hand.
 */
export function CopyLinkButton({ filters, window: covered, openEvent }: CopyLinkButtonProps) {
  const id = useId();
  const menuId = useId();
  const toast = useToast();
  const { timeZone } = useTimeZone();
  const [manualUrl, setManualUrl] = useState<string | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const { open, setOpen, root, trigger, close } = usePopover();

  useEffect(() => {
    fieldRef.current?.focus();
    fieldRef.current?.select();
  }, [manualUrl]);

  async function copy(live: boolean) {
    if (!filters || !covered) return;
    const view = { filters, window: covered, openEvent, timeZone };
    const url = sharedViewUrl(view, window.location.href, new Date(), { live });
    try {
      await navigator.clipboard.writeText(url);
      setManualUrl(null);
      toast(live ? "Live link copied" : "Link copied");
    } catch {
      // No permission, no secure context, or no clipboard API at all: the same way out for each.
      setManualUrl(url);
    }
  }

  return (
    <div ref={root} className="relative flex">
      <Button onClick={() => void copy(false)} disabled={!filters} className="rounded-r-none">
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 fill-none stroke-current stroke-[1.5]">
          <path d="M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 013.5 3.5l-1 1M9 11.5l-1 1A2.5 2.5 0 014.5 9l1-1" />
        </svg>
        Copy link
      </Button>
      <Button
        ref={trigger}
        aria-label="Sharing options"
        title="Sharing options"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={!filters}
        onClick={() => setOpen((value) => !value)}
        className="-ml-px rounded-l-none px-2"
      >
        <span aria-hidden="true">▾</span>
      </Button>
      {open && (
        <MenuList
          id={menuId}
          label="Sharing options"
          choices={MENU_ITEMS.map((item) => ({ label: item.label, hint: item.hint, onSelect: () => void copy(item.live) }))}
          close={close}
          dismiss={() => setOpen(false)}
          hintBelow
          widthClass="min-w-64"
        />
      )}
      {manualUrl ? (
        <div className="absolute right-0 top-full z-30 mt-1 flex w-[min(28rem,calc(100vw-2rem))] flex-col gap-1.5 rounded-md border border-zinc-200 bg-white p-3 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          <label htmlFor={id} className={LABEL_CLASS}>
            The browser blocked the clipboard: copy this link by hand
          </label>
          <input
            ref={fieldRef}
            id={id}
            readOnly
            value={manualUrl}
            onFocus={(event) => event.currentTarget.select()}
            onKeyDown={(event) => {
              if (event.key === "Escape") {
                event.stopPropagation();
                setManualUrl(null);
              }
            }}
            className={`${FIELD_CLASS} font-mono text-xs`}
          />
          <Button variant="ghost" className="self-end" onClick={() => setManualUrl(null)}>
            Done
          </Button>
        </div>
      ) : null}
    </div>
  );
}
