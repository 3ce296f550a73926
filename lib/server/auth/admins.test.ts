import { describe, expect, it } from "vitest";

import { parseAuthConfig } from "./config";
import { isAdminEmail } from "./admins";

describe("admins", () => {
  const { admins } = parseAuthConfig({ AUTH_ADMIN_EMAILS: " Lead@Acme.test, ops@acme.test ,," });

  it("are the addresses of AUTH_ADMIN_EMAILS, in any case", () => {
    expect(isAdminEmail("lead@acme.test", admins, false)).toBe(true);
    expect(isAdminEmail("OPS@acme.test", admins, false)).toBe(true);
    expect(isAdminEmail("someone@acme.test", admins, false)).toBe(false);
  });

  it("include the demo user only while the data is demo data", () => {
    expect(isAdminEmail("demo@example.com", admins, true)).toBe(true);
    expect(isAdminEmail("demo@example.com", admins, false)).toBe(false);
  });

  it("are nobody when AUTH_ADMIN_EMAILS is unset", () => {
    expect(isAdminEmail("lead@acme.test", parseAuthConfig({}).admins, false)).toBe(false);
  });
});
