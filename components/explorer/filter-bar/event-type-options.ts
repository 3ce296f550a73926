import { EVENT_TYPES, eventTypesByGroup, isKnownEventType } from "@/lib/event-types";
import { FILTER_VALUE_SCHEMAS } from "@/lib/filters";

// What the "Event type" combobox lists for a search text: the known types grouped by area, matched
// on label or code, plus the typed text itself when it is a valid code the app does not know yet
// (Merge adds event types every year; they must stay filterable). That code comes last, so a
// partial code such as "INVITED" still puts the known "INVITED_USER" first.

export type EventTypeOption = { code: string; label: string };
export type EventTypeOptionGroup = { group: string; options: EventTypeOption[] };

export const UNKNOWN_CODE_GROUP = "Other code";

// "api key", "API_KEY" and "Api-Key" all find "REGENERATED_PRODUCTION_API_KEY".
function normalize(text: string): string {
  return text.toLowerCase().replace(/[_\-\s]+/g, " ").trim();
}

function matches(option: EventTypeOption, words: string[]): boolean {
  const haystack = `${normalize(option.label)} ${normalize(option.code)}`;
  return words.every((word) => haystack.includes(word));
}

export function eventTypeOptionGroups(search: string): EventTypeOptionGroup[] {
  const words = normalize(search).split(" ").filter(Boolean);
  const groups: EventTypeOptionGroup[] = eventTypesByGroup()
    .map(({ group, codes }) => ({
      group,
      options: codes.map((code) => ({ code, label: EVENT_TYPES[code].label })).filter((o) => matches(o, words)),
    }))
    .filter((group) => group.options.length > 0);

  const typed = FILTER_VALUE_SCHEMAS.event_type.safeParse(search);
  if (typed.success && typed.data !== undefined && !isKnownEventType(typed.data)) {
    groups.push({ group: UNKNOWN_CODE_GROUP, options: [{ code: typed.data, label: typed.data }] });
  }
  return groups;
}

/** The options in display order, for keyboard navigation across groups. */
export function flattenOptions(groups: EventTypeOptionGroup[]): EventTypeOption[] {
  return groups.flatMap((group) => group.options);
}
