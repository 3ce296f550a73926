"use client";

import { useState, type FormEvent } from "react";

import { FIELD_CLASS } from "@/components/explorer/filter-bar/field-styles";
import { Button } from "@/components/ui/button";
import { VIEW_NAME_MAX, type SavedView } from "@/lib/saved-views";

import { useViewWrites } from "./use-views";

/** Rename and Delete for a view the user may change (its owner, or an admin for a team view). */
export function ViewItemActions({ view, onDone }: { view: SavedView; onDone: (message: string) => void }) {
  const { rename, remove } = useViewWrites();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(view.name);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const renamed = await rename.mutateAsync({ id: view.id, name }).catch(() => null);
    if (!renamed) return;
    setEditing(false);
    onDone(`Renamed the view to "${renamed.name}"`);
  };

  if (editing) {
    return (
      <form onSubmit={(event) => void submit(event)} className="flex flex-1 flex-wrap items-center gap-1">
        <input
          aria-label={`New name for ${view.name}`}
          value={name}
          maxLength={VIEW_NAME_MAX}
          required
          autoFocus
          onChange={(event) => setName(event.target.value)}
          className={`${FIELD_CLASS} h-8 flex-1`}
        />
        <Button type="submit" variant="primary" disabled={rename.isPending}>
          Save
        </Button>
        {rename.isError && <p className="w-full text-xs text-red-700 dark:text-red-400">{rename.error.message}</p>}
      </form>
    );
  }
  return (
    <>
      <Button variant="ghost" aria-label={`Rename ${view.name}`} onClick={() => setEditing(true)}>
        Rename
      </Button>
      <Button
        variant="ghost"
        aria-label={`Delete ${view.name}`}
        disabled={remove.isPending}
        onClick={() =>
          void remove.mutateAsync(view.id).then(
            () => onDone(`Deleted the view "${view.name}"`),
            (error: Error) => onDone(error.message),
          )
        }
      >
        Delete
      </Button>
    </>
  );
}
