"use client";

import { useId } from "react";

import { ROLES } from "@/lib/event-types";
import type { FilterPatch } from "@/lib/explorer-url";
import { ACTOR_KINDS, FILTER_VALUE_SCHEMAS, onlyValue, valueFilterOf, type ActorKind, type AuditTrailFilters } from "@/lib/filters";

import { FIELD_CLASS, LABEL_CLASS } from "./field-styles";
import { TextFilter } from "./text-filter";

// The filters only the archive can apply (Merge's API has none of them): "Search", "IP address",
// "Role", "Actor" and "Oldest first". Without the archive they stay visible, disabled, with the
// reason in one line, so nobody wonders where they went.

const ACTOR_LABELS: Record<ActorKind, string> = { human: "People", api: "API keys", system: "System" };

/** A select's value for "several values, as the chips show" (set by facets or a shared link). */
const SEVERAL = "__several";

type ArchiveFiltersProps = {
  filters: AuditTrailFilters;
  archive: boolean;
  onChange: (patch: FilterPatch) => void;
};

export function ArchiveFilters({ filters, archive, onChange }: ArchiveFiltersProps) {
  const reasonId = useId();
  const roleId = useId();
  const actorId = useId();
  const disabled = !archive;
  const describedBy = disabled ? reasonId : undefined;
  const role = onlyValue(filters.role) ?? (filters.role ? SEVERAL : "");
  const roles: string[] = [...ROLES];
  if (role !== "" && role !== SEVERAL && !roles.includes(role)) roles.push(role);

  return (
    <>
      <TextFilter
        label="Search"
        name="q"
        placeholder="Text, name, email, type"
        inputMode="search"
        schema={FILTER_VALUE_SCHEMAS.q}
        value={filters.q}
        onApply={(q) => onChange({ q })}
        disabled={disabled}
        describedBy={describedBy}
      />
      <TextFilter
        label="IP address"
        name="ip"
        placeholder="203.0.113.0/24"
        schema={FILTER_VALUE_SCHEMAS.ip}
        value={onlyValue(filters.ip)}
        onApply={(ip) => onChange({ ip: ip === null ? null : valueFilterOf(ip) })}
        disabled={disabled}
        describedBy={describedBy}
        className="sm:w-44"
      />
      <div className="flex w-36 flex-col gap-1">
        <label htmlFor={roleId} className={LABEL_CLASS}>
          Role
        </label>
        <select
          id={roleId}
          value={role}
          disabled={disabled}
          aria-describedby={describedBy}
          onChange={(event) => onChange({ role: event.target.value === "" ? null : valueFilterOf(event.target.value) })}
          className={`${FIELD_CLASS} disabled:cursor-not-allowed disabled:opacity-60`}
        >
          <option value="">Any role</option>
          {role === SEVERAL && (
            <option value={SEVERAL} disabled>
              Several (see the filters)
            </option>
          )}
          {roles.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </div>
      <div className="flex w-32 flex-col gap-1">
        <label htmlFor={actorId} className={LABEL_CLASS}>
          Actor
        </label>
        <select
          id={actorId}
          value={filters.actor ?? ""}
          disabled={disabled}
          aria-describedby={describedBy}
          onChange={(event) => {
            const actor = FILTER_VALUE_SCHEMAS.actor.safeParse(event.target.value);
            onChange({ actor: actor.success ? actor.data : null });
          }}
          className={`${FIELD_CLASS} disabled:cursor-not-allowed disabled:opacity-60`}
        >
          <option value="">Anyone</option>
          {ACTOR_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {ACTOR_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col justify-end gap-1 self-stretch pb-5">
        <button
          type="button"
          aria-pressed={filters.order === "asc"}
          disabled={disabled}
          aria-describedby={describedBy}
          onClick={() => onChange({ order: filters.order === "asc" ? null : "asc" })}
          className={
            "h-9 rounded-md border px-3 text-sm shadow-sm focus-visible:outline-2 focus-visible:outline-indigo-500/40 " +
            "disabled:cursor-not-allowed disabled:opacity-60 " +
            (filters.order === "asc"
              ? "border-indigo-600 bg-indigo-50 text-indigo-900 dark:border-indigo-400 dark:bg-indigo-950 dark:text-indigo-100"
              : "border-zinc-300 bg-white text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100")
          }
        >
          Oldest first
        </button>
      </div>
      {disabled && (
        <p id={reasonId} className="w-full text-xs text-zinc-600 dark:text-zinc-400">
          Search, IP address, Role, Actor and Oldest first need the archive, which is off on this server.
        </p>
      )}
    </>
  );
}
