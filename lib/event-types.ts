// Merge's EventTypeEnum (43 values in 2026), with the labels and areas the explorer shows.
// Merge adds values every year: anything not listed here is still a valid event type,
// shown by its code (see eventTypeLabel).

export const EVENT_TYPE_GROUPS = [
  "API keys",
  "Users and security",
  "Linked accounts",
  "Destinations and webhooks",
  "Integrations and categories",
  "Field mappings and overrides",
  "Data redaction",
  "Other",
] as const;

export type EventTypeGroup = (typeof EVENT_TYPE_GROUPS)[number];

/** Each group's stable name in URLs (`event_group=api_keys`): a label may be reworded, a slug never. */
export const EVENT_GROUP_SLUGS = {
  api_keys: "API keys",
  users_and_security: "Users and security",
  linked_accounts: "Linked accounts",
  destinations_and_webhooks: "Destinations and webhooks",
  integrations_and_categories: "Integrations and categories",
  field_mappings_and_overrides: "Field mappings and overrides",
  data_redaction: "Data redaction",
  other: "Other",
} as const satisfies Record<string, EventTypeGroup>;

export type EventGroupSlug = keyof typeof EVENT_GROUP_SLUGS;

export const EVENT_GROUP_SLUG_LIST = Object.keys(EVENT_GROUP_SLUGS) as EventGroupSlug[];

export function isEventGroupSlug(text: string): text is EventGroupSlug {
  return Object.hasOwn(EVENT_GROUP_SLUGS, text);
}

/** The slug of a group, for writing it into a URL. */
export function eventGroupSlug(group: EventTypeGroup): EventGroupSlug {
  return EVENT_GROUP_SLUG_LIST.find((slug) => EVENT_GROUP_SLUGS[slug] === group)!;
}

type EventTypeInfo = { label: string; group: EventTypeGroup };

export const EVENT_TYPES = {
  CREATED_REMOTE_PRODUCTION_API_KEY: { label: "Created production API key", group: "API keys" },
  DELETED_REMOTE_PRODUCTION_API_KEY: { label: "Deleted production API key", group: "API keys" },
  CREATED_TEST_API_KEY: { label: "Created test API key", group: "API keys" },
  DELETED_TEST_API_KEY: { label: "Deleted test API key", group: "API keys" },
  REGENERATED_PRODUCTION_API_KEY: { label: "Regenerated production API key", group: "API keys" },
  REGENERATED_WEBHOOK_SIGNATURE: { label: "Regenerated webhook signature", group: "API keys" },
  INVITED_USER: { label: "Invited user", group: "Users and security" },
  TWO_FACTOR_AUTH_ENABLED: { label: "Enabled two-factor auth", group: "Users and security" },
  TWO_FACTOR_AUTH_DISABLED: { label: "Disabled two-factor auth", group: "Users and security" },
  CHANGED_PERSONAL_INFORMATION: { label: "Changed personal information", group: "Users and security" },
  CHANGED_PASSWORD: { label: "Changed password", group: "Users and security" },
  RESET_PASSWORD: { label: "Reset password", group: "Users and security" },
  GENERATED_MAGIC_LINK: { label: "Generated magic link", group: "Users and security" },
  END_USER_CREDENTIALS_ACCESSED: { label: "Accessed end-user credentials", group: "Users and security" },
  DELETED_LINKED_ACCOUNT: { label: "Deleted linked account", group: "Linked accounts" },
  DELETED_ALL_COMMON_MODELS_FOR_LINKED_ACCOUNT: {
    label: "Deleted all common models for linked account",
    group: "Linked accounts",
  },
  FORCED_LINKED_ACCOUNT_RESYNC: { label: "Forced linked account resync", group: "Linked accounts" },
  CREATED_DESTINATION: { label: "Created destination", group: "Destinations and webhooks" },
  DELETED_DESTINATION: { label: "Deleted destination", group: "Destinations and webhooks" },
  CHANGED_DESTINATION: { label: "Changed destination", group: "Destinations and webhooks" },
  ENABLED_MERGE_WEBHOOK: { label: "Enabled Merge webhook", group: "Destinations and webhooks" },
  DISABLED_MERGE_WEBHOOK: { label: "Disabled Merge webhook", group: "Destinations and webhooks" },
  MERGE_WEBHOOK_TARGET_CHANGED: { label: "Changed Merge webhook target", group: "Destinations and webhooks" },
  ENABLED_INTEGRATION: { label: "Enabled integration", group: "Integrations and categories" },
  DISABLED_INTEGRATION: { label: "Disabled integration", group: "Integrations and categories" },
  ENABLED_CATEGORY: { label: "Enabled category", group: "Integrations and categories" },
  DISABLED_CATEGORY: { label: "Disabled category", group: "Integrations and categories" },
  CHANGED_SCOPES: { label: "Changed scopes", group: "Integrations and categories" },
  CREATED_INTEGRATION_WIDE_FIELD_MAPPING: {
    label: "Created integration-wide field mapping",
    group: "Field mappings and overrides",
  },
  CREATED_LINKED_ACCOUNT_FIELD_MAPPING: {
    label: "Created linked account field mapping",
    group: "Field mappings and overrides",
  },
  CHANGED_INTEGRATION_WIDE_FIELD_MAPPING: {
    label: "Changed integration-wide field mapping",
    group: "Field mappings and overrides",
  },
  CHANGED_LINKED_ACCOUNT_FIELD_MAPPING: {
    label: "Changed linked account field mapping",
    group: "Field mappings and overrides",
  },
  DELETED_INTEGRATION_WIDE_FIELD_MAPPING: {
    label: "Deleted integration-wide field mapping",
    group: "Field mappings and overrides",
  },
  DELETED_LINKED_ACCOUNT_FIELD_MAPPING: {
    label: "Deleted linked account field mapping",
    group: "Field mappings and overrides",
  },
  CREATED_LINKED_ACCOUNT_COMMON_MODEL_OVERRIDE: {
    label: "Created common model override",
    group: "Field mappings and overrides",
  },
  CHANGED_LINKED_ACCOUNT_COMMON_MODEL_OVERRIDE: {
    label: "Changed common model override",
    group: "Field mappings and overrides",
  },
  DELETED_LINKED_ACCOUNT_COMMON_MODEL_OVERRIDE: {
    label: "Deleted common model override",
    group: "Field mappings and overrides",
  },
  ENABLED_REDACT_UNMAPPED_DATA_FOR_ORGANIZATION: {
    label: "Enabled redaction of unmapped data (organization)",
    group: "Data redaction",
  },
  ENABLED_REDACT_UNMAPPED_DATA_FOR_LINKED_ACCOUNT: {
    label: "Enabled redaction of unmapped data (linked account)",
    group: "Data redaction",
  },
  DISABLED_REDACT_UNMAPPED_DATA_FOR_ORGANIZATION: {
    label: "Disabled redaction of unmapped data (organization)",
    group: "Data redaction",
  },
  DISABLED_REDACT_UNMAPPED_DATA_FOR_LINKED_ACCOUNT: {
    label: "Disabled redaction of unmapped data (linked account)",
    group: "Data redaction",
  },
  CHANGED_ORGANIZATION_SETTINGS: { label: "Changed organization settings", group: "Other" },
  MUTED_ISSUE: { label: "Muted issue", group: "Other" },
} as const satisfies Record<string, EventTypeInfo>;

export type KnownEventType = keyof typeof EVENT_TYPES;

export const KNOWN_EVENT_TYPES = Object.keys(EVENT_TYPES) as KnownEventType[];

export function isKnownEventType(code: string): code is KnownEventType {
  return Object.hasOwn(EVENT_TYPES, code);
}

/** The human label of an event type, or its code when the app does not know it yet. */
export function eventTypeLabel(code: string): string {
  return isKnownEventType(code) ? EVENT_TYPES[code].label : code;
}

/** Known event types by area, in EVENT_TYPE_GROUPS order, for pickers. */
export function eventTypesByGroup(): { group: EventTypeGroup; codes: KnownEventType[] }[] {
  return EVENT_TYPE_GROUPS.map((group) => ({
    group,
    codes: KNOWN_EVENT_TYPES.filter((code) => EVENT_TYPES[code].group === group),
  }));
}

/**
 * The codes a group covers, read from EVENT_TYPES each time: a filter by group is resolved when it
 * runs, so a type added to the group later is covered by links shared before.
 */
export function eventTypesInGroup(slug: EventGroupSlug): KnownEventType[] {
  return KNOWN_EVENT_TYPES.filter((code) => EVENT_TYPES[code].group === EVENT_GROUP_SLUGS[slug]);
}

export const ROLES = ["ADMIN", "DEVELOPER", "MEMBER", "API", "SYSTEM", "MERGE_TEAM", "SUPPORT"] as const;
