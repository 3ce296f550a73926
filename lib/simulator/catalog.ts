// For every event type the simulator emits: how often it happens, who may do it, whether it comes
// in bursts sharing one timestamp, and the description Merge would show. The 43 known codes come from
// lib/event-types.ts (the Record type makes a missing one a compile error); EXTRA_CATALOG holds
// codes Merge may add next year, present so the dashboard proves it shows codes it does not know.

import { KNOWN_EVENT_TYPES, type KnownEventType } from "../event-types";
import type { ActorKind, Identity } from "./people";
import type { Rng } from "./random";
import {
  API_KEY_NAMES,
  CATEGORIES,
  DESTINATIONS,
  FIELDS,
  INTEGRATIONS,
  INVITEES,
  ISSUES,
  LINKED_ACCOUNTS,
  ORGANIZATION_SETTINGS,
  PERSONAL_CHANGES,
  REMOTE_FIELDS,
  ROLE_NAMES,
  SCOPE_LEVELS,
  WEBHOOK_EVENTS,
  WEBHOOK_URLS,
} from "./vocabulary";

export type EventSpec = {
  /** Relative frequency. */
  weight: number;
  actors: readonly ActorKind[];
  /** Largest number of events one action writes at the same instant (1 = never a burst). */
  burst: number;
  describe: (rng: Rng, actor: Identity) => string;
};

const PEOPLE: readonly ActorKind[] = ["admin", "developer", "member"];
const BUILDERS: readonly ActorKind[] = ["admin", "developer"];
const ADMINS: readonly ActorKind[] = ["admin"];
const SELF: readonly ActorKind[] = ["admin", "developer", "member", "staff", "auditor"];

function linked(rng: Rng) {
  return rng.pick(LINKED_ACCOUNTS);
}

function mapping(rng: Rng): string {
  const index = rng.int(0, FIELDS.length - 1);
  return `${FIELDS[index]} ← "${REMOTE_FIELDS[index]}"`;
}

function scopeChange(rng: Rng, model: string, where: string): string {
  const from = rng.int(0, SCOPE_LEVELS.length - 1);
  const to = (from + rng.int(1, SCOPE_LEVELS.length - 1)) % SCOPE_LEVELS.length;
  return `${where} Scopes for model ${model} updated from ${SCOPE_LEVELS[from]} to ${SCOPE_LEVELS[to]}`;
}

function spec(weight: number, actors: readonly ActorKind[], describe: EventSpec["describe"], burst = 1): EventSpec {
  return { weight, actors, burst, describe };
}

export const KNOWN_CATALOG: Record<KnownEventType, EventSpec> = {
  CREATED_REMOTE_PRODUCTION_API_KEY: spec(3, BUILDERS, (r) => `Created production API key "${r.pick(API_KEY_NAMES.production)}"`),
  DELETED_REMOTE_PRODUCTION_API_KEY: spec(2, BUILDERS, (r) => `Deleted production API key "${r.pick(API_KEY_NAMES.production)}"`),
  CREATED_TEST_API_KEY: spec(6, BUILDERS, (r) => `Created test API key "${r.pick(API_KEY_NAMES.test)}"`),
  DELETED_TEST_API_KEY: spec(4, BUILDERS, (r) => `Deleted test API key "${r.pick(API_KEY_NAMES.test)}"`),
  REGENERATED_PRODUCTION_API_KEY: spec(1.5, ADMINS, (r) => `Regenerated production API key "${r.pick(API_KEY_NAMES.production)}"`),
  REGENERATED_WEBHOOK_SIGNATURE: spec(1, BUILDERS, () => "Regenerated the webhook signature key"),
  INVITED_USER: spec(12, ADMINS, (r) => `Invited ${r.pick(INVITEES)} to the organization as ${r.pick(ROLE_NAMES)}`, 5),
  TWO_FACTOR_AUTH_ENABLED: spec(8, SELF, () => "Enabled two-factor authentication"),
  TWO_FACTOR_AUTH_DISABLED: spec(2, SELF, () => "Disabled two-factor authentication"),
  CHANGED_PERSONAL_INFORMATION: spec(10, SELF, (r) => r.pick(PERSONAL_CHANGES)),
  CHANGED_PASSWORD: spec(15, SELF, () => "Changed their password"),
  RESET_PASSWORD: spec(10, PEOPLE, (r, who) => `Requested a password reset link for ${who.email ?? r.pick(INVITEES)}`),
  GENERATED_MAGIC_LINK: spec(140, ["api", "admin", "developer"], (r) => {
    const account = linked(r);
    return `Generated Magic Link for ${account.label.split(" (")[0]} (${account.integration.category})`;
  }),
  END_USER_CREDENTIALS_ACCESSED: spec(
    12,
    ["staff"],
    (r) => `Accessed stored credentials of linked account ${linked(r).label} to investigate a failing sync`,
  ),
  DELETED_LINKED_ACCOUNT: spec(30, ["api", "admin", "developer", "system"], (r, who) =>
    who.role === "SYSTEM"
      ? `Deleted linked account ${linked(r).label} after its end user revoked access`
      : `Deleted linked account ${linked(r).label}`,
  ),
  DELETED_ALL_COMMON_MODELS_FOR_LINKED_ACCOUNT: spec(
    6,
    ["system", "admin", "developer"],
    (r) => `Deleted all common model data for linked account ${linked(r).label}`,
    4,
  ),
  FORCED_LINKED_ACCOUNT_RESYNC: spec(
    120,
    ["api", "developer", "member", "admin"],
    (r) => `Forced a full resync of linked account ${linked(r).label}`,
    6,
  ),
  CREATED_DESTINATION: spec(2, BUILDERS, (r) => {
    const d = r.pick(DESTINATIONS);
    return `Created ${d.kind} destination "${d.name}"`;
  }),
  DELETED_DESTINATION: spec(1, BUILDERS, (r) => {
    const d = r.pick(DESTINATIONS);
    return `Deleted ${d.kind} destination "${d.name}"`;
  }),
  CHANGED_DESTINATION: spec(3, BUILDERS, (r) => {
    const d = r.pick(DESTINATIONS);
    return `Changed ${d.kind} destination "${d.name}": sync schedule set to every ${r.pick([1, 6, 12, 24])} hours`;
  }),
  ENABLED_MERGE_WEBHOOK: spec(3, BUILDERS, (r) => `Enabled webhook ${r.pick(WEBHOOK_EVENTS)} to ${r.pick(WEBHOOK_URLS)}`),
  DISABLED_MERGE_WEBHOOK: spec(1.5, BUILDERS, (r) => `Disabled webhook ${r.pick(WEBHOOK_EVENTS)}`),
  MERGE_WEBHOOK_TARGET_CHANGED: spec(2, BUILDERS, (r) => {
    const from = r.int(0, WEBHOOK_URLS.length - 1);
    return `Changed webhook target from ${WEBHOOK_URLS[from]} to ${WEBHOOK_URLS[(from + 1) % WEBHOOK_URLS.length]}`;
  }),
  ENABLED_INTEGRATION: spec(15, BUILDERS, (r) => `Enabled integration ${r.pick(INTEGRATIONS).name}`, 4),
  DISABLED_INTEGRATION: spec(6, BUILDERS, (r) => `Disabled integration ${r.pick(INTEGRATIONS).name}`, 3),
  ENABLED_CATEGORY: spec(3, ADMINS, (r) => `Enabled category ${r.pick(CATEGORIES)}`),
  DISABLED_CATEGORY: spec(1.5, ADMINS, (r) => `Disabled category ${r.pick(CATEGORIES)}`),
  CHANGED_SCOPES: spec(
    45,
    BUILDERS,
    (r) => {
      if (r.next() < 0.6) return scopeChange(r, r.pick(r.pick(INTEGRATIONS).models), "Organization-wide");
      const account = linked(r);
      return scopeChange(r, r.pick(account.integration.models), `Linked account ${account.label}:`);
    },
    6,
  ),
  CREATED_INTEGRATION_WIDE_FIELD_MAPPING: spec(8, BUILDERS, (r) => {
    const integration = r.pick(INTEGRATIONS);
    return `Created integration-wide field mapping for ${integration.name} on ${r.pick(integration.models)}: ${mapping(r)}`;
  }),
  CREATED_LINKED_ACCOUNT_FIELD_MAPPING: spec(
    35,
    ["developer", "admin", "api"],
    (r) => {
      const account = linked(r);
      return `Created field mapping for ${account.label} on ${r.pick(account.integration.models)}: ${mapping(r)}`;
    },
    3,
  ),
  CHANGED_INTEGRATION_WIDE_FIELD_MAPPING: spec(6, BUILDERS, (r) => {
    const integration = r.pick(INTEGRATIONS);
    return `Changed integration-wide field mapping for ${integration.name} on ${r.pick(integration.models)}: ${mapping(r)}`;
  }),
  CHANGED_LINKED_ACCOUNT_FIELD_MAPPING: spec(30, ["developer", "admin", "api"], (r) => {
    const account = linked(r);
    return `Changed field mapping for ${account.label} on ${r.pick(account.integration.models)}: ${mapping(r)}`;
  }),
  DELETED_INTEGRATION_WIDE_FIELD_MAPPING: spec(3, BUILDERS, (r) => {
    const integration = r.pick(INTEGRATIONS);
    return `Deleted integration-wide field mapping ${r.pick(FIELDS)} for ${integration.name} on ${r.pick(integration.models)}`;
  }),
  DELETED_LINKED_ACCOUNT_FIELD_MAPPING: spec(8, ["developer", "admin", "api"], (r) => {
    const account = linked(r);
    return `Deleted field mapping ${r.pick(FIELDS)} for ${account.label}`;
  }),
  CREATED_LINKED_ACCOUNT_COMMON_MODEL_OVERRIDE: spec(8, BUILDERS, (r) => {
    const account = linked(r);
    return `Created override of ${r.pick(account.integration.models)}.${r.pick(FIELDS)} for ${account.label} from remote field "${r.pick(REMOTE_FIELDS)}"`;
  }),
  CHANGED_LINKED_ACCOUNT_COMMON_MODEL_OVERRIDE: spec(6, BUILDERS, (r) => {
    const account = linked(r);
    return `Changed override of ${r.pick(account.integration.models)}.${r.pick(FIELDS)} for ${account.label} to remote field "${r.pick(REMOTE_FIELDS)}"`;
  }),
  DELETED_LINKED_ACCOUNT_COMMON_MODEL_OVERRIDE: spec(3, BUILDERS, (r) => {
    const account = linked(r);
    return `Deleted override of ${r.pick(account.integration.models)}.${r.pick(FIELDS)} for ${account.label}`;
  }),
  ENABLED_REDACT_UNMAPPED_DATA_FOR_ORGANIZATION: spec(1, ADMINS, () => "Enabled redaction of unmapped data for the organization"),
  ENABLED_REDACT_UNMAPPED_DATA_FOR_LINKED_ACCOUNT: spec(
    3,
    BUILDERS,
    (r) => `Enabled redaction of unmapped data for linked account ${linked(r).label}`,
  ),
  DISABLED_REDACT_UNMAPPED_DATA_FOR_ORGANIZATION: spec(0.5, ADMINS, () => "Disabled redaction of unmapped data for the organization"),
  DISABLED_REDACT_UNMAPPED_DATA_FOR_LINKED_ACCOUNT: spec(
    1.5,
    BUILDERS,
    (r) => `Disabled redaction of unmapped data for linked account ${linked(r).label}`,
  ),
  CHANGED_ORGANIZATION_SETTINGS: spec(8, ADMINS, (r) => r.pick(ORGANIZATION_SETTINGS)),
  MUTED_ISSUE: spec(40, PEOPLE, (r) => `Muted issue "${r.pick(ISSUES)}" for linked account ${linked(r).label}`),
};

/** Codes Merge's EventTypeEnum does not have (yet): the dashboard must show them by their code. */
export const EXTRA_CATALOG: Record<string, EventSpec> = {
  EXPORTED_AUDIT_TRAIL: spec(1.5, ["admin", "auditor"], (r) => `Exported ${r.int(40, 9000).toLocaleString("en-US")} audit trail events as CSV`),
  CHANGED_SSO_CONFIGURATION: spec(0.8, ADMINS, (r) => `Changed SAML single sign-on configuration (${r.pick(["Okta", "Microsoft Entra ID", "Google Workspace"])})`),
};

/** Every code the simulator emits, known ones first; an event stores its index in this list. */
export const EVENT_CODES: readonly string[] = [...KNOWN_EVENT_TYPES, ...Object.keys(EXTRA_CATALOG)];

export const EVENT_SPECS: readonly EventSpec[] = [
  ...KNOWN_EVENT_TYPES.map((code) => KNOWN_CATALOG[code]),
  ...Object.values(EXTRA_CATALOG),
];
