// The end-to-end setup's fixed values, shared by playwright.config.ts and the specs. Each can be
// overridden from the environment; none is a secret (the key only opens the local simulators).

export const E2E_MERGE_API_KEY = process.env.E2E_MERGE_API_KEY || "sk_e2e_audit_trail_do_not_leak_7f3a";
export const E2E_SIMULATOR_NOW = process.env.E2E_SIMULATOR_NOW || "2026-11-28T12:00:00Z";
export const E2E_NEXTAUTH_SECRET = process.env.E2E_NEXTAUTH_SECRET || "e2e-nextauth-secret-not-for-production-0123456789";

/** The simulator the main app reads, also walked directly by specs as the truth to compare with. */
export const SIMULATOR_URL = "http://127.0.0.1:4110";
/** The main app, against the healthy simulator. */
export const APP_URL = "http://127.0.0.1:3100";
/** The same build against a simulator that answers every request with 429 (Retry-After 30 s). */
export const RATE_LIMITED_APP_URL = "http://127.0.0.1:3101";
/** The same build against a simulator that answers every request with 500. */
export const FAILING_APP_URL = "http://127.0.0.1:3102";

/** The simulator's audit-trail endpoint (the category is only a namespace). */
export const SIMULATOR_AUDIT_TRAIL = `${SIMULATOR_URL}/api/hris/v1/audit-trail`;

export const DEMO_STORAGE_STATE = "e2e/.auth/demo.json";
