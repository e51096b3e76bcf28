import { describe, expect, test } from "vitest";
import { contentSecurityPolicy, newNonce } from "./content-security-policy";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name!, values];
  }));
}

describe("the Content-Security-Policy", () => {
  test("scripts need the request's nonce: no 'unsafe-inline', and eval only in development", () => {
    const nonce = newNonce();
    const production = directives(contentSecurityPolicy({ nonce, development: false }));
    expect(production.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(directives(contentSecurityPolicy({ nonce, development: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  test("plugins, base tags, framing and foreign form targets are shut; the calendar's data: icon font is allowed", () => {
    const policy = directives(contentSecurityPolicy({ nonce: newNonce(), development: false }));
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("font-src")).toContain("data:");
    // A nonce in style-src would silently turn off the 'unsafe-inline' that React's style attributes need.
    expect(policy.get("style-src")?.some((value) => value.startsWith("'nonce-"))).toBe(false);
  });

  test("each nonce is new and at least 128 bits", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
