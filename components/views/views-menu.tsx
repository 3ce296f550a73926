"use client";

import Link from "next/link";
import { useId } from "react";

import { Button } from "@/components/ui/button";
import { usePopover } from "@/components/use-popover";
import { useToast } from "@/components/ui/toast";
import { VIEW_SCOPES, type SavedView } from "@/lib/saved-views";

import { useViews } from "./use-views";
import { ViewItemActions } from "./view-item-actions";

const SCOPE_HEADINGS = { team: "Team views", personal: "My views" } as const;

/**
 * "Views": the team's views and one's own, each a link that loads its filters into the URL (so an
 * open view is still a shareable link). A disclosure, not an ARIA menu: items hold their own
 * rename and delete buttons.
 */
export function ViewsMenu() {
  const id = useId();
  const toast = useToast();
  const { open, setOpen, root, trigger, close } = usePopover();
  const views = useViews(open);

  const byScope = (scope: SavedView["scope"]) => (views.data ?? []).filter((view) => view.scope === scope);

  return (
    <div ref={root} className="relative" onKeyDown={(event) => event.key === "Escape" && open && close()}>
      <Button ref={trigger} aria-expanded={open} aria-controls={open ? id : undefined} onClick={() => setOpen((value) => !value)}>
        Views
        <span aria-hidden="true">▾</span>
      </Button>
      {open && (
        <div
          id={id}
          role="region"
          aria-label="Saved views"
          className="absolute top-full right-0 z-20 mt-1 max-h-96 w-80 overflow-y-auto rounded-md border border-zinc-200 bg-white p-2 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          {views.isPending && <p className="p-2 text-zinc-700 dark:text-zinc-300">Loading views…</p>}
          {views.isError && <p className="p-2 text-red-700 dark:text-red-400">{views.error.message}</p>}
          {views.data?.length === 0 && (
            <p className="p-2 text-zinc-700 dark:text-zinc-300">No saved views yet: &quot;Save view&quot; names the current filters.</p>
          )}
          {VIEW_SCOPES.map((scope) =>
            byScope(scope).length === 0 ? null : (
              <section key={scope} aria-label={SCOPE_HEADINGS[scope]} className="py-1">
                <h2 className="px-2 text-xs font-semibold text-zinc-600 uppercase dark:text-zinc-400">{SCOPE_HEADINGS[scope]}</h2>
                <ul>
                  {byScope(scope).map((view) => (
                    <li key={view.id} className="flex items-center gap-1 rounded px-2 py-1 hover:bg-zinc-50 dark:hover:bg-zinc-800">
                      <Link
                        href={view.search ? `/?${view.search}` : "/"}
                        onClick={() => setOpen(false)}
                        className="min-w-0 flex-1 truncate text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
                        title={`By ${view.created_by}, ${view.created_at}`}
                      >
                        {view.name}
                      </Link>
                      {view.can_edit && <ViewItemActions view={view} onDone={(message) => toast(message)} />}
                    </li>
                  ))}
                </ul>
              </section>
            ),
          )}
        </div>
      )}
    </div>
  );
}
