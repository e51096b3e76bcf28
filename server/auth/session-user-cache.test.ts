import { describe, expect, it } from "vitest";
import { isSessionCookie } from "./session-cookie";
import { SessionUserCache } from "./session-user-cache";

const ada = { id: "user-ada", email: "ada@example.com", name: "Ada" };

function countingDecoder(user: typeof ada | null) {
  const decoder = { calls: 0, decode: async () => (decoder.calls++, user) };
  return decoder;
}

describe("SessionUserCache", () => {
  it("answers signed out without decoding when there is no session cookie", async () => {
    const decoder = countingDecoder(ada);
    const user = await new SessionUserCache().read([{ name: "crescendo-workspace", value: "w1" }], decoder.decode);
    expect(user).toBeNull();
    expect(decoder.calls).toBe(0);
  });

  it("decodes a cookie value once and answers from memory after that", async () => {
    const cache = new SessionUserCache();
    const decoder = countingDecoder(ada);
    const cookies = [{ name: "authjs.session-token", value: "token-1" }];
    expect(await cache.read(cookies, decoder.decode)).toEqual(ada);
    expect(await cache.read(cookies, decoder.decode)).toEqual(ada);
    expect(decoder.calls).toBe(1);
  });

  it("decodes a different cookie value afresh", async () => {
    const cache = new SessionUserCache();
    await cache.read([{ name: "authjs.session-token", value: "token-1" }], countingDecoder(ada).decode);
    const bob = { id: "user-bob", email: "bob@example.com", name: "Bob" };
    const decoder = { decode: async () => bob };
    expect(await cache.read([{ name: "authjs.session-token", value: "token-2" }], decoder.decode)).toEqual(bob);
  });

  it("remembers a cookie that decodes to nobody as signed out", async () => {
    const cache = new SessionUserCache();
    const decoder = countingDecoder(null);
    const cookies = [{ name: "__Secure-authjs.session-token", value: "forged" }];
    expect(await cache.read(cookies, decoder.decode)).toBeNull();
    expect(await cache.read(cookies, decoder.decode)).toBeNull();
    expect(decoder.calls).toBe(1);
  });

  it("decodes again once an entry has aged out", async () => {
    const cache = new SessionUserCache({ ttlMs: 1 });
    const decoder = countingDecoder(ada);
    const cookies = [{ name: "authjs.session-token", value: "token-1" }];
    await cache.read(cookies, decoder.decode);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await cache.read(cookies, decoder.decode);
    expect(decoder.calls).toBe(2);
  });

  it("keys a split token by all of its parts", async () => {
    const cache = new SessionUserCache();
    const decoder = countingDecoder(ada);
    await cache.read([{ name: "authjs.session-token.0", value: "a" }, { name: "authjs.session-token.1", value: "b" }], decoder.decode);
    await cache.read([{ name: "authjs.session-token.1", value: "b" }, { name: "authjs.session-token.0", value: "a" }], decoder.decode);
    await cache.read([{ name: "authjs.session-token.0", value: "a" }, { name: "authjs.session-token.1", value: "c" }], decoder.decode);
    expect(decoder.calls).toBe(2);
  });

  it("takes a user without an email as signed out", async () => {
    const user = await new SessionUserCache().read([{ name: "authjs.session-token", value: "t" }], async () => ({ id: "u1", email: null }));
    expect(user).toBeNull();
  });
});

describe("isSessionCookie", () => {
  it("knows Auth.js's session cookie names and nothing else", () => {
    for (const name of ["authjs.session-token", "__Secure-authjs.session-token", "authjs.session-token.3"]) expect(isSessionCookie(name)).toBe(true);
    for (const name of ["authjs.csrf-token", "crescendo-workspace", "xauthjs.session-token", "authjs.session-token.x"]) expect(isSessionCookie(name)).toBe(false);
  });
});

describe("SessionUserCache.forgetUser", () => {
  it("makes the person's next request decode (and check) again, and leaves others cached", async () => {
    const cache = new SessionUserCache();
    const bob = { id: "user-bob", email: "bob@example.com", name: "Bob" };
    const [adaDecoder, bobDecoder] = [countingDecoder(ada), countingDecoder(bob)];
    const adaCookies = [{ name: "authjs.session-token", value: "ada-laptop" }];
    const bobCookies = [{ name: "authjs.session-token", value: "bob-phone" }];
    await cache.read(adaCookies, adaDecoder.decode);
    await cache.read(bobCookies, bobDecoder.decode);

    cache.forgetUser(ada.id);
    await cache.read(adaCookies, adaDecoder.decode);
    await cache.read(bobCookies, bobDecoder.decode);

    expect([adaDecoder.calls, bobDecoder.calls]).toEqual([2, 1]);
  });

  it("does not keep an answer that was read before a revocation which happened meanwhile", async () => {
    const cache = new SessionUserCache();
    const cookies = [{ name: "authjs.session-token", value: "ada-laptop" }];
    let calls = 0;
    // The database said "live", then the session was revoked before the answer reached the cache.
    const racing = async () => {
      calls++;
      if (calls === 1) cache.forgetUser(ada.id);
      return ada;
    };
    await cache.read(cookies, racing);
    await cache.read(cookies, racing);
    expect(calls).toBe(2);
  });
});
