import { describe, expect, it } from "vitest";
import { compileExpression, UnsupportedExpressionError } from "./expression";

function run(source: string, context: Record<string, unknown> = {}): boolean {
  return compileExpression(source).evaluate(context);
}

describe("compileExpression", () => {
  it("evaluates the match form waitForEvent sends", () => {
    const match = compileExpression("event.data.id == async.data.id");
    expect(match.source).toBe("event.data.id == async.data.id");
    expect(match.evaluate({ event: { data: { id: "c-1" } }, async: { data: { id: "c-1" } } })).toBe(true);
    expect(match.evaluate({ event: { data: { id: "c-1" } }, async: { data: { id: "c-2" } } })).toBe(false);
    // Same digits, different types: === keeps them apart.
    expect(match.evaluate({ event: { data: { id: 1 } }, async: { data: { id: "1" } } })).toBe(false);
  });

  it("reads every kind of literal", () => {
    const event = { data: { s: "hi", n: 42, d: -1.5, yes: true, no: false, nothing: null } };
    expect(run('event.data.s == "hi"', { event })).toBe(true);
    expect(run("event.data.s == 'hi'", { event })).toBe(true);
    expect(run("event.data.s == 'ho'", { event })).toBe(false);
    expect(run("event.data.n == 42", { event })).toBe(true);
    expect(run("event.data.n == 42.0", { event })).toBe(true);
    expect(run("event.data.d == -1.5", { event })).toBe(true);
    expect(run("event.data.d == 1.5", { event })).toBe(false);
    expect(run("event.data.yes == true", { event })).toBe(true);
    expect(run("event.data.no == false", { event })).toBe(true);
    expect(run("event.data.no == true", { event })).toBe(false);
    expect(run("event.data.nothing == null", { event })).toBe(true);
    expect(run("event.data.s == null", { event })).toBe(false);
  });

  it("holds only for the boolean true as a whole expression", () => {
    expect(run("true")).toBe(true);
    expect(run("false")).toBe(false);
    expect(run("null")).toBe(false);
    expect(run("1")).toBe(false);
    expect(run('"true"')).toBe(false);
    expect(run("event.data.flag", { event: { data: { flag: true } } })).toBe(true);
    expect(run("event.data.flag", { event: { data: { flag: "yes" } } })).toBe(false);
    expect(run("event.data.flag", { event: { data: {} } })).toBe(false);
  });

  it("treats a missing value as unequal to everything but null", () => {
    const context = { event: { data: { present: "x" } }, async: { data: {} } };
    expect(run('event.data.absent == "x"', context)).toBe(false);
    expect(run('event.data.absent != "x"', context)).toBe(true);
    expect(run("event.data.absent == null", context)).toBe(true);
    expect(run("null == event.data.absent", context)).toBe(true);
    expect(run("event.data.absent != null", context)).toBe(false);
    // Two missing values do not match, or a wait on a field neither event has would match anything.
    expect(run("event.data.absent == async.data.absent", context)).toBe(false);
    expect(run("event.data.absent != async.data.absent", context)).toBe(true);
    expect(run("event.data.present.deeper == null", context)).toBe(true);
    expect(run('unknownRoot.x == "x"', context)).toBe(false);
    expect(run("event.data.absent < 1", context)).toBe(false);
    expect(run("event.data.absent >= 1", context)).toBe(false);
  });

  it("looks up own fields of objects only", () => {
    const context = { event: { data: { list: [1, 2], name: "n" } } };
    expect(run("event.constructor == null", context)).toBe(true);
    expect(run('event["__proto__"] == null', context)).toBe(true);
    expect(run("event.data.list.length == 2", context)).toBe(false);
    expect(run("event.data.name.length == 1", context)).toBe(false);
  });

  it("binds && tighter than ||", () => {
    // As (true || false) && false this would be false.
    expect(run("true || false && false")).toBe(true);
    expect(run("false && false || true")).toBe(true);
    expect(run("(true || false) && false")).toBe(false);
    expect(run("false || false")).toBe(false);
    expect(run("true && true")).toBe(true);
  });

  it("negates with !, which binds tighter than a comparison", () => {
    expect(run("!false")).toBe(true);
    expect(run("!true")).toBe(false);
    expect(run("!!true")).toBe(true);
    expect(run("!(1 == 2)")).toBe(true);
    expect(run("!true == false")).toBe(true);
    expect(run("!event.data.archived", { event: { data: { archived: true } } })).toBe(false);
    expect(run("!event.data.archived", { event: { data: {} } })).toBe(true);
  });

  it("groups with parentheses", () => {
    expect(run("((true))")).toBe(true);
    expect(run("(1 == 1) == true")).toBe(true);
    expect(run("(false || true) && (true || false)")).toBe(true);
    expect(run("!(true && (false || true))")).toBe(false);
  });

  it("orders two numbers or two strings and nothing else", () => {
    const event = { data: { n: 5, s: "m" } };
    expect(run("event.data.n < 6", { event })).toBe(true);
    expect(run("event.data.n < 5", { event })).toBe(false);
    expect(run("event.data.n <= 5", { event })).toBe(true);
    expect(run("event.data.n > 4.5", { event })).toBe(true);
    expect(run("event.data.n > 5", { event })).toBe(false);
    expect(run("event.data.n >= 5", { event })).toBe(true);
    expect(run("event.data.n > -10", { event })).toBe(true);
    expect(run('event.data.s > "a"', { event })).toBe(true);
    expect(run('event.data.s < "a"', { event })).toBe(false);
    expect(run('event.data.n < "6"', { event })).toBe(false);
    expect(run('event.data.n >= "5"', { event })).toBe(false);
    expect(run("true > false")).toBe(false);
  });

  it("indexes with brackets", () => {
    const event = { data: { items: [{ sku: "a" }, { sku: "b" }], "user-id": "u1", 0: "zero" } };
    expect(run('event.data.items[1].sku == "b"', { event })).toBe(true);
    expect(run('event.data.items[0]["sku"] == "a"', { event })).toBe(true);
    expect(run('event["data"]["user-id"] == "u1"', { event })).toBe(true);
    expect(run("event.data.items[2].sku == null", { event })).toBe(true);
    // A number indexes arrays only; an object's "0" key is reached with a string.
    expect(run('event.data[0] == "zero"', { event })).toBe(false);
    expect(run('event.data["0"] == "zero"', { event })).toBe(true);
  });

  it("reads escaped quotes and backslashes in strings", () => {
    const event = { data: { quote: 'say "hi"', apostrophe: "it's", path: "a\\b" } };
    expect(run('event.data.quote == "say \\"hi\\""', { event })).toBe(true);
    expect(run("event.data.quote == 'say \"hi\"'", { event })).toBe(true);
    expect(run("event.data.apostrophe == 'it\\'s'", { event })).toBe(true);
    expect(run('event.data.path == "a\\\\b"', { event })).toBe(true);
    expect(run('event.data.path == "a\\\\c"', { event })).toBe(false);
  });

  it("compares objects and arrays as unequal, even to themselves", () => {
    const event = { data: { a: { x: 1 }, list: [1] } };
    expect(run("event.data.a == event.data.a", { event })).toBe(false);
    expect(run("event.data.a != event.data.a", { event })).toBe(true);
    expect(run("event.data.list == event.data.list", { event })).toBe(false);
  });

  it("names the unsupported operator in the message", () => {
    expect(() => compileExpression("a + b")).toThrow(
      'unsupported expression "a + b": "+" is not in the supported subset (==, !=, <, <=, >, >=, &&, ||, !, parentheses, paths and literals)',
    );
    expect(() => compileExpression("size(event.data.items) > 0")).toThrow(/function and method calls \("size\(\.\.\.\)"\)/);
    expect(() => compileExpression('"a" in event.data.tags')).toThrow(/"in" is not in the supported subset/);
  });

  it.each([
    ["arithmetic", "event.data.n + 1 == 2"],
    ["subtraction", "event.data.n - 1 == 2"],
    ["subtraction without spaces", "event.data.n-1 == 2"],
    ["multiplication", "event.data.n * 2 == 4"],
    ["division", "event.data.n / 2 == 1"],
    ["modulo", "event.data.n % 2 == 0"],
    ["negating a path", "-event.data.n == 1"],
    ["in", '"vip" in event.data.tags'],
    ["ternary", "event.data.vip ? true : false"],
    ["function call", "size(event.data.items) > 0"],
    ["has macro", "has(event.data.id)"],
    ["method call", 'event.data.name.startsWith("a")'],
    ["comprehension", "event.data.items.exists(i, i > 1)"],
    ["list literal", "[1, 2] == event.data.list"],
    ["map literal", '{"a": 1} == event.data.map'],
    ["single =", "event.data.id = 1"],
    ["single &", "true & false"],
    ["single |", "true | false"],
    ["chained comparison", "1 < event.data.n < 3"],
    ["trailing garbage", "event.data.id == 1 2"],
    ["trailing identifier", "event.data.id == 1 foo"],
    ["unbalanced parenthesis", "(event.data.id == 1"],
    ["extra closing parenthesis", "event.data.id == 1)"],
    ["empty expression", ""],
    ["only whitespace", "   "],
    ["dangling operator", "event.data.id =="],
    ["dangling &&", "true &&"],
    ["missing field name", "event. == 1"],
    ["index by path", "event.data.items[event.data.i] == 1"],
    ["negative index", "event.data.items[-1] == 1"],
    ["fractional index", "event.data.items[1.5] == 1"],
    ["unterminated string", 'event.data.s == "abc'],
    ["newline escape", 'event.data.s == "a\\nb"'],
    ["raw string", 'event.data.s == r"abc"'],
    ["bytes string", 'event.data.s == b"abc"'],
    ["triple-quoted string", 'event.data.s == """abc"""'],
    ["exponent", "event.data.n == 1e3"],
    ["hex", "event.data.n == 0x1F"],
    ["unsigned", "event.data.n == 1u"],
    ["leading-dot decimal", "event.data.n == .5"],
    ["unsafe integer", "event.data.n == 12345678901234567890"],
    ["unknown character", "event.data.n == #1"],
  ])("refuses %s", (_label, source) => {
    expect(() => compileExpression(source)).toThrow(UnsupportedExpressionError);
  });
});
