import { EVENT_GROUP_SLUGS, eventTypeLabel, type EventGroupSlug } from "@/lib/event-types";
import { includeValue, removeValue, type ValueFilter } from "@/lib/filters";

// What the "Event type" multi-select holds: event types and groups, each included or excluded.
// Pure, so the summary the closed combobox shows and a toggle's effect are tested without a browser.

export type EventTypeSelection = {
  event_type?: ValueFilter;
  event_group?: ValueFilter<EventGroupSlug>;
};

/** Each chosen group, type and exclusion in words, groups first: "API keys", "Invited user", "not Muted issue". */
export function selectionNames({ event_type, event_group }: EventTypeSelection): string[] {
  return [
    ...(event_group?.include ?? []).map((slug) => EVENT_GROUP_SLUGS[slug]),
    ...(event_type?.include ?? []).map(eventTypeLabel),
    ...(event_group?.exclude ?? []).map((slug) => `not ${EVENT_GROUP_SLUGS[slug]}`),
    ...(event_type?.exclude ?? []).map((code) => `not ${eventTypeLabel(code)}`),
  ];
}

/** What the closed combobox shows: nothing, the one choice, or the first and how many more. */
export function selectionSummary(selection: EventTypeSelection): string {
  const [first, ...rest] = selectionNames(selection);
  if (first === undefined) return "";
  return rest.length === 0 ? first : `${first} + ${rest.length} more`;
}

/** Choosing a type again takes it out (excluded or included); otherwise it is added. */
export function toggleValue<T extends string>(filter: ValueFilter<T> | undefined, value: T): ValueFilter<T> | undefined {
  const chosen = filter?.include.includes(value) || filter?.exclude.includes(value);
  return chosen ? removeValue(filter, value) : includeValue(filter, value);
}
