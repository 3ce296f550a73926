"use client";

import { useState, type FormEvent } from "react";

import { FIELD_CLASS, LABEL_CLASS } from "@/components/explorer/filter-bar/field-styles";
import { isoToLocalInput, localInputToIso } from "@/components/explorer/filter-bar/local-datetime";
import { systemTimeZone } from "@/lib/time-zone";
import { Button } from "@/components/ui/button";
import { ACCESS_LOG_ACTION_LABELS, ACCESS_LOG_ACTIONS, type AccessLogAction, type AccessLogFilters } from "@/lib/access-log";

type ActivityFiltersProps = {
  filters: AccessLogFilters;
  /** Only admins filter by user: everyone else sees only their own entries. */
  admin: boolean;
  onApply: (filters: AccessLogFilters) => void;
};

/** The access log's filters: user (admins), action and date range, applied together into the URL. */
export function ActivityFilters({ filters, admin, onApply }: ActivityFiltersProps) {
  const [user, setUser] = useState(filters.user_email ?? "");
  const [action, setAction] = useState<string>(filters.action ?? "");
  const [from, setFrom] = useState(filters.start_date ? isoToLocalInput(filters.start_date, systemTimeZone()) : "");
  const [to, setTo] = useState(filters.end_date ? isoToLocalInput(filters.end_date, systemTimeZone()) : "");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      user_email: admin ? user.trim() || undefined : undefined,
      action: (action || undefined) as AccessLogAction | undefined,
      start_date: localInputToIso(from) ?? undefined,
      end_date: localInputToIso(to) ?? undefined,
    });
  };

  return (
    <form onSubmit={submit} aria-label="Access log filters" className="flex flex-wrap items-end gap-3">
      {admin && (
        <label className="flex w-60 flex-col gap-1">
          <span className={LABEL_CLASS}>User email</span>
          <input type="email" value={user} onChange={(event) => setUser(event.target.value)} className={FIELD_CLASS} />
        </label>
      )}
      <label className="flex w-52 flex-col gap-1">
        <span className={LABEL_CLASS}>Action</span>
        <select value={action} onChange={(event) => setAction(event.target.value)} className={FIELD_CLASS}>
          <option value="">All actions</option>
          {ACCESS_LOG_ACTIONS.map((value) => (
            <option key={value} value={value}>
              {ACCESS_LOG_ACTION_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex w-52 flex-col gap-1">
        <span className={LABEL_CLASS}>From</span>
        <input type="datetime-local" step={1} value={from} onChange={(event) => setFrom(event.target.value)} className={FIELD_CLASS} />
      </label>
      <label className="flex w-52 flex-col gap-1">
        <span className={LABEL_CLASS}>To</span>
        <input type="datetime-local" step={1} value={to} onChange={(event) => setTo(event.target.value)} className={FIELD_CLASS} />
      </label>
      <Button type="submit" variant="primary">
        Apply filters
      </Button>
    </form>
  );
}
