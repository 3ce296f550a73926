import { describe, expect, it } from "vitest";

import {
  applySecurityHeaders,
  servesHttps,
  contentSecurityPolicy,
  createNonce,
  securityHeaders,
  type SecurityHeaderOptions,
} from "@/lib/server/security-headers";

const production: SecurityHeaderOptions = {
  nonce: "bm9uY2U=",
  development: false,
  hsts: true,
  formActionOrigins: ["https://example.okta.com"],
};

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("allows scripts by nonce only, never inline or eval in production", () => {
    const scripts = directives(contentSecurityPolicy(production)).get("script-src");
    expect(scripts).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
  });

  it("adds eval for next dev only", () => {
    const scripts = directives(contentSecurityPolicy({ ...production, development: true, hsts: false }));
    expect(scripts.get("script-src")).toContain("'unsafe-eval'");
    expect(scripts.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("forbids framing, plugins and foreign base URLs, and lets forms post to the IdP", () => {
    const policy = directives(contentSecurityPolicy(production));
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'", "https://example.okta.com"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
  });
});

describe("securityHeaders", () => {
  it("sets the hardening headers, and HSTS when served over https", () => {
    const headers = securityHeaders(production);
    expect(headers["Referrer-Policy"]).toBe("no-referrer");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}/);
  });

  it("leaves HSTS out of development", () => {
    expect(securityHeaders({ ...production, hsts: false })).not.toHaveProperty("Strict-Transport-Security");
  });

  it("overwrites the headers of an existing response", () => {
    const response = applySecurityHeaders(new Response(null, { headers: { "X-Frame-Options": "SAMEORIGIN" } }), production);
    expect(response.headers.get("X-Frame-Options")).toBe("DENY");
    expect(response.headers.get("Content-Security-Policy")).toContain("'nonce-bm9uY2U='");
  });
});

describe("createNonce", () => {
  it("is fresh every time and at least 128 bits", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });
});

describe("servesHttps", () => {
  it("reads the scheme of the public URL, not the build", () => {
    expect(servesHttps("https://audit.example.com")).toBe(true);
    expect(servesHttps("HTTPS://audit.example.com/base")).toBe(true);
    expect(servesHttps("http://127.0.0.1:3000")).toBe(false);
    expect(servesHttps(undefined)).toBe(false);
    expect(servesHttps("not a url")).toBe(false);
  });
});
