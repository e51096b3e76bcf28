import { describe, expect, test } from "vitest";
import { BROKEN_CHARACTER_MESSAGE, CONTROL_CHARACTER_MESSAGE, emailText, hasLoneSurrogate, linkToken, ONE_LINE_MESSAGE, passwordText, text } from "./text.schema";

const messages = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message) ?? [];

describe("text", () => {
  const name = text({ required: "Give the campaign a name", max: 10 });
  const body = text({ max: 100, multiline: true, trim: false });

  test("trims, and keeps letters of every script and whole emoji", () => {
    expect(name.parse("  Launch  ")).toBe("Launch");
    expect(name.parse("Café 🚀 東京")).toBe("Café 🚀 東京");
    expect(body.parse("  Hi,\n\tthere\r\n")).toBe("  Hi,\n\tthere\r\n");
  });

  test("refuses a NUL byte and other control characters, in single- and multi-line text", () => {
    for (const bad of ["a\u0000b", "a\u0007", "\u001bx", "a\u007fb", "a\u0085b"]) {
      expect(messages(name.safeParse(bad))).toContain(CONTROL_CHARACTER_MESSAGE);
      expect(messages(body.safeParse(bad))).toContain(CONTROL_CHARACTER_MESSAGE);
    }
  });

  test("refuses a lone surrogate, high or low, anywhere", () => {
    for (const bad of ["\ud800", "a\udbffb", "\udc00a", "🚀\ud83d"]) expect(messages(body.safeParse(bad))).toEqual([BROKEN_CHARACTER_MESSAGE]);
    expect(hasLoneSurrogate("🚀🚀")).toBe(false);
  });

  test("single-line text refuses line breaks; multi-line keeps them", () => {
    expect(messages(name.safeParse("Two\nlines"))).toEqual([ONE_LINE_MESSAGE]);
    expect(body.parse("Two\nlines")).toBe("Two\nlines");
  });

  test("says when it is empty or too long", () => {
    expect(messages(name.safeParse("   "))).toEqual(["Give the campaign a name"]);
    expect(messages(name.safeParse("x".repeat(11)))).toEqual(["Use at most 10 characters"]);
    expect(messages(name.safeParse(7))).toEqual(["Give the campaign a name"]);
    expect(text({ max: 5 }).parse("")).toBe("");
  });
});

test("emailText lower-cases and refuses what is not an address, NUL included", () => {
  const email = emailText();
  expect(email.parse(" Ada@Example.COM ")).toBe("ada@example.com");
  expect(email.safeParse("ada\u0000@example.com").success).toBe(false);
  expect(email.safeParse(`${"a".repeat(250)}@example.com`).success).toBe(false);
});

test("passwordText keeps spaces but refuses NUL and broken characters", () => {
  const password = passwordText({ min: 3, minMessage: "Use at least 3 characters" });
  expect(password.parse(" a b ")).toBe(" a b ");
  expect(messages(password.safeParse("abc\u0000"))).toEqual([CONTROL_CHARACTER_MESSAGE]);
  expect(messages(password.safeParse("abc\ud800"))).toEqual([BROKEN_CHARACTER_MESSAGE]);
});

test("linkToken takes base64url only", () => {
  const token = linkToken("Open the link again");
  expect(token.parse("AbC-_0123456789")).toBe("AbC-_0123456789");
  for (const bad of ["short", "abc\u0000defghijk", "abc/defghijkl", "x".repeat(201)]) expect(messages(token.safeParse(bad))).toEqual(["Open the link again"]);
});
