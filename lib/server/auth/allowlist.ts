import "server-only";

// Who may read the audit trail: listed addresses and whole domains, compared case-insensitively.
// An empty list lets nobody in: an audit trail is sensitive, so the safe default is closed.

export type Allowlist = { emails: ReadonlySet<string>; domains: ReadonlySet<string> };

export type DenialReason = "no_allowlist" | "unverified" | "not_listed";

export type AllowlistDecision = { allowed: true } | { allowed: false; reason: DenialReason };

function splitList(value: string | undefined, normalise: (entry: string) => string): Set<string> {
  const entries = (value ?? "").split(",").map((entry) => normalise(entry.trim().toLowerCase()));
  return new Set(entries.filter((entry) => entry !== ""));
}

/** A comma-separated list of email addresses, lower-cased (AUTH_ALLOWED_EMAILS, AUTH_ADMIN_EMAILS). */
export function parseEmailList(value: string | undefined): ReadonlySet<string> {
  return splitList(value, (entry) => entry);
}

/** Parses `AUTH_ALLOWED_EMAILS` and `AUTH_ALLOWED_DOMAINS` (comma-separated; "@example.com" also works). */
export function parseAllowlist(raw: { emails: string | undefined; domains: string | undefined }): Allowlist {
  return {
    emails: parseEmailList(raw.emails),
    domains: splitList(raw.domains, (entry) => entry.replace(/^@/, "")),
  };
}

export function isAllowlistEmpty(allowlist: Allowlist): boolean {
  return allowlist.emails.size === 0 && allowlist.domains.size === 0;
}

/**
 * Checks an identity from a real provider. `emailVerified` is the IdP's `email_verified` claim:
 * only an explicit `false` disqualifies, since some IdPs (Okta, Entra) only issue verified emails
 * and omit the claim.
 */
export function checkAllowlist(
  allowlist: Allowlist,
  identity: { email: string | null | undefined; emailVerified?: boolean },
): AllowlistDecision {
  if (isAllowlistEmpty(allowlist)) return { allowed: false, reason: "no_allowlist" };
  if (identity.emailVerified === false) return { allowed: false, reason: "unverified" };
  const email = identity.email?.trim().toLowerCase() ?? "";
  const at = email.lastIndexOf("@");
  if (at <= 0 || at === email.length - 1) return { allowed: false, reason: "not_listed" };
  const listed = allowlist.emails.has(email) || allowlist.domains.has(email.slice(at + 1));
  return listed ? { allowed: true } : { allowed: false, reason: "not_listed" };
}
