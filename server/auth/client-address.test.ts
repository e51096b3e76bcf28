import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress, normalizeAddress, type TrustProxy, trustProxySetting } from "./client-address";

function parse(value: string | undefined): TrustProxy {
  return trustProxySetting.parse(value);
}

function headers(socket: string | null, forwardedFor?: string) {
  const h = new Headers();
  if (socket) h.set(CLIENT_ADDRESS_HEADER, socket);
  if (forwardedFor !== undefined) h.set("x-forwarded-for", forwardedFor);
  return h;
}

describe("TRUST_PROXY", () => {
  it("trusts no proxy when unset, empty, false or 0", () => {
    for (const value of [undefined, "", "  ", "false", "FALSE", "0"]) expect(parse(value)).toEqual({ kind: "none" });
  });

  it("reads a hop count", () => {
    expect(parse("1")).toEqual({ kind: "hops", hops: 1 });
    expect(parse(" 2 ")).toEqual({ kind: "hops", hops: 2 });
  });

  it("reads a comma list of proxy addresses, IPv4 and IPv6", () => {
    expect(parse("10.0.0.2, 10.0.0.3,::1,::ffff:192.0.2.9")).toEqual({
      kind: "addresses",
      addresses: new Set(["10.0.0.2", "10.0.0.3", "::1", "192.0.2.9"]),
    });
  });

  it("refuses anything else, saying what it takes", () => {
    for (const value of ["true", "yes", "-1", "21", "10.0.0.2,proxy.internal", "10.0.0.0/8", "1.5"]) {
      const result = trustProxySetting.safeParse(value);
      expect(result.success, value).toBe(false);
      expect(result.error?.issues[0]?.message).toContain("TRUST_PROXY must be");
    }
  });
});

describe("clientAddress", () => {
  it("is the socket's address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(headers("203.0.113.7", "198.51.100.1"), parse(undefined))).toBe("203.0.113.7");
    expect(clientAddress(headers("::ffff:203.0.113.7"), parse(undefined))).toBe("203.0.113.7");
  });

  it("is unknown without the custom server's header, even with X-Forwarded-For", () => {
    expect(clientAddress(headers(null, "198.51.100.1"), parse("1"))).toBe("unknown");
  });

  it("with a hop count, takes that many entries from the right of X-Forwarded-For", () => {
    // A client spoofed 6.6.6.6; our one proxy (10.0.0.2) appended the real 198.51.100.1.
    const request = headers("10.0.0.2", "6.6.6.6, 198.51.100.1");
    expect(clientAddress(request, parse("1"))).toBe("198.51.100.1");
    expect(clientAddress(request, parse("2"))).toBe("6.6.6.6");
    // More hops than entries: the leftmost is the best there is.
    expect(clientAddress(request, parse("5"))).toBe("6.6.6.6");
    expect(clientAddress(headers("10.0.0.2"), parse("1"))).toBe("10.0.0.2");
  });

  it("with a list, skips trusted proxies from the right and stops at the first address that is not one", () => {
    const trust = parse("10.0.0.2,10.0.0.3");
    expect(clientAddress(headers("10.0.0.2", "6.6.6.6, 198.51.100.1, 10.0.0.3"), trust)).toBe("198.51.100.1");
    // A request straight to the app (not through a trusted proxy) is judged by its socket.
    expect(clientAddress(headers("198.51.100.9", "6.6.6.6"), trust)).toBe("198.51.100.9");
  });
});

describe("normalizeAddress", () => {
  it("drops ports, brackets and the IPv4-over-IPv6 prefix", () => {
    expect(normalizeAddress(" 203.0.113.7:5555 ")).toBe("203.0.113.7");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("::FFFF:203.0.113.7")).toBe("203.0.113.7");
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8::1");
  });
});
