// The CEL expressions Inngest functions carry (trigger `if`, waitForEvent `if`
// and `match`, cancelOn `if`), evaluated in-process. Only a small subset of CEL
// is supported, and anything outside it is refused when the expression is
// compiled, so a function never runs with a condition silently read wrongly.
//
// Supported subset:
// - Literals: strings in single or double quotes, where only \\, \" and \' are
//   escapes; integers and decimals (`42`, `-1.5`); `true`, `false`, `null`.
// - Paths from a root name in the evaluation context (`event`, `async`, ...),
//   with `.field`, `["field"]` and `[0]` segments. Fields are looked up only on
//   objects and indexes only on arrays; anything else is missing.
// - Comparisons `==`, `!=`, `<`, `<=`, `>`, `>=`, one per operand pair (use
//   parentheses to compare a comparison's result).
// - `&&`, `||` (`&&` binds tighter), unary `!`, parentheses.
//
// Semantics:
// - `==` compares strings, numbers, booleans and null with ===; an object or
//   array on either side makes it false. A missing value equals only `null`.
//   `!=` is always the negation of `==`, so a missing value is `!=` anything
//   but `null`.
// - `<`, `<=`, `>`, `>=` order two numbers or two strings; anything else is false.
// - A value used as a condition (the whole expression, an operand of `&&`,
//   `||` or `!`) holds only if it is the boolean `true`; `!` negates that.
//
// Refused: arithmetic, `in`, the ternary operator, function and method calls
// (`size(x)`, `has(x)`, `x.startsWith(y)`), list and map literals, raw, bytes
// and triple-quoted strings, other escapes, unsigned, hex and exponent numbers.
export class UnsupportedExpressionError extends Error {
  constructor(source: string, reason: string) {
    super(`unsupported expression ${JSON.stringify(source)}: ${reason}`);
    this.name = "UnsupportedExpressionError";
  }
}

export interface CompiledExpression {
  source: string;
  evaluate(context: Record<string, unknown>): boolean;
}

const SUBSET = "(==, !=, <, <=, >, >=, &&, ||, !, parentheses, paths and literals)";

type Comparison = "==" | "!=" | "<" | "<=" | ">" | ">=";
const COMPARISONS: readonly string[] = ["==", "!=", "<", "<=", ">", ">="] satisfies Comparison[];

type Token =
  | { kind: "string"; value: string; text: string }
  | { kind: "number"; value: number; text: string }
  | { kind: "name"; text: string }
  | { kind: "symbol"; text: string }
  | { kind: "end"; text: string };

type Segment = string | number;

type Node =
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "path"; root: string; segments: Segment[] }
  | { kind: "not"; operand: Node }
  | { kind: "and" | "or"; left: Node; right: Node }
  | { kind: "compare"; operator: Comparison; left: Node; right: Node };

// Expressions come from function code, so there are few distinct ones, and every
// event that reaches a wait is checked against its expression: parse each once.
const compiled = new Map<string, CompiledExpression>();
const MAX_CACHED = 1_000;

export function compileExpression(source: string): CompiledExpression {
  const cached = compiled.get(source);
  if (cached) return cached;
  const refuse = (reason: string) => new UnsupportedExpressionError(source, reason);
  const root = new Parser(tokenize(source, refuse), refuse).parse();
  const expression: CompiledExpression = { source, evaluate: (context) => evaluate(root, context) === true };
  if (compiled.size >= MAX_CACHED) compiled.clear();
  compiled.set(source, expression);
  return expression;
}

// Two-character symbols first, so "<=" is not read as "<" then "=".
const SYMBOLS = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "(", ")", "[", "]", ".", "-"];
// Characters that are CEL (or common) operators outside the subset, named in the refusal.
const FOREIGN_SYMBOLS = ["+", "*", "/", "%", "?", ":", ",", "{", "}", "=", "&", "|"];

function tokenize(source: string, refuse: (reason: string) => Error): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source.charAt(i);
    if (/\s/.test(char)) {
      i++;
    } else if (char === '"' || char === "'") {
      if (source.startsWith(char.repeat(3), i)) throw refuse("triple-quoted strings are not in the supported subset");
      const { value, end } = readString(source, i, refuse);
      tokens.push({ kind: "string", value, text: source.slice(i, end) });
      i = end;
    } else if (/[0-9]/.test(char)) {
      // Read letters and dots too, so 1e3, 0x1F and 1u are refused whole rather than split.
      const text = /^[0-9][0-9A-Za-z_.]*/.exec(source.slice(i))?.[0] ?? char;
      if (!/^[0-9]+(\.[0-9]+)?$/.test(text)) {
        throw refuse(`number ${JSON.stringify(text)} is not in the supported subset (integers and decimals only)`);
      }
      const value = Number(text);
      if (!text.includes(".") && !Number.isSafeInteger(value)) throw refuse(`integer ${text} is too large`);
      tokens.push({ kind: "number", value, text });
      i += text.length;
    } else if (/[A-Za-z_]/.test(char)) {
      const text = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))?.[0] ?? char;
      const next = source.charAt(i + text.length);
      if (next === '"' || next === "'") {
        throw refuse(`string prefix ${JSON.stringify(text)} (raw or bytes strings) is not in the supported subset`);
      }
      tokens.push({ kind: "name", text });
      i += text.length;
    } else {
      const symbol = SYMBOLS.find((candidate) => source.startsWith(candidate, i));
      if (symbol === undefined) {
        if (FOREIGN_SYMBOLS.includes(char)) throw refuse(`${JSON.stringify(char)} is not in the supported subset ${SUBSET}`);
        throw refuse(`unexpected character ${JSON.stringify(char)}`);
      }
      tokens.push({ kind: "symbol", text: symbol });
      i += symbol.length;
    }
  }
  tokens.push({ kind: "end", text: "end of expression" });
  return tokens;
}

function readString(source: string, start: number, refuse: (reason: string) => Error): { value: string; end: number } {
  const quote = source.charAt(start);
  let value = "";
  let i = start + 1;
  while (i < source.length) {
    const char = source.charAt(i);
    if (char === quote) return { value, end: i + 1 };
    if (char === "\\") {
      const escaped = source.charAt(i + 1);
      if (escaped !== "\\" && escaped !== '"' && escaped !== "'") {
        throw refuse(`escape "\\${escaped}" is not in the supported subset (only \\\\, \\" and \\')`);
      }
      value += escaped;
      i += 2;
    } else {
      value += char;
      i++;
    }
  }
  throw refuse("unterminated string literal");
}

// Recursive descent, one method per precedence level: || < && < comparison < ! < primary.
class Parser {
  private position = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly refuse: (reason: string) => Error,
  ) {}

  parse(): Node {
    const node = this.parseOr();
    const next = this.peek();
    if (next.kind !== "end") throw this.unexpected(next, "after a complete expression");
    return node;
  }

  private parseOr(): Node {
    let node = this.parseAnd();
    while (this.accept("||")) node = { kind: "or", left: node, right: this.parseAnd() };
    return node;
  }

  private parseAnd(): Node {
    let node = this.parseComparison();
    while (this.accept("&&")) node = { kind: "and", left: node, right: this.parseComparison() };
    return node;
  }

  private parseComparison(): Node {
    const left = this.parseUnary();
    const operator = this.peek().text;
    if (this.peek().kind !== "symbol" || !COMPARISONS.includes(operator)) return left;
    this.position++;
    const node: Node = { kind: "compare", operator: operator as Comparison, left, right: this.parseUnary() };
    const after = this.peek();
    if (after.kind === "symbol" && COMPARISONS.includes(after.text)) {
      throw this.refuse(`chained comparison ${JSON.stringify(after.text)}: use parentheses to compare a comparison's result`);
    }
    return node;
  }

  private parseUnary(): Node {
    if (this.accept("!")) return { kind: "not", operand: this.parseUnary() };
    return this.parsePrimary();
  }

  private parsePrimary(): Node {
    const token = this.next();
    if (token.kind === "string" || token.kind === "number") return { kind: "literal", value: token.value };
    if (token.kind === "symbol" && token.text === "(") {
      const node = this.parseOr();
      this.expect(")");
      return node;
    }
    if (token.kind === "symbol" && token.text === "-") {
      const number = this.next();
      if (number.kind === "number") return { kind: "literal", value: -number.value };
      throw this.refuse(`"-" is only supported before a number literal, not before ${describe(number)}`);
    }
    if (token.kind === "symbol" && token.text === "[") throw this.refuse("list literals are not in the supported subset");
    if (token.kind !== "name") throw this.unexpected(token, "where a value was expected");
    if (token.text === "true") return { kind: "literal", value: true };
    if (token.text === "false") return { kind: "literal", value: false };
    if (token.text === "null") return { kind: "literal", value: null };
    if (token.text === "in") throw this.refuse(`"in" is not in the supported subset ${SUBSET}`);
    return this.parsePath(token.text);
  }

  private parsePath(root: string): Node {
    if (this.peek().text === "(") throw this.callRefusal(root);
    const segments: Segment[] = [];
    for (;;) {
      if (this.accept(".")) {
        const field = this.next();
        if (field.kind !== "name") throw this.unexpected(field, 'after "."');
        if (this.peek().text === "(") throw this.callRefusal(field.text);
        segments.push(field.text);
      } else if (this.accept("[")) {
        const index = this.next();
        if (index.kind === "string") segments.push(index.value);
        else if (index.kind === "number" && Number.isInteger(index.value)) segments.push(index.value);
        else throw this.refuse(`index ${describe(index)} is not supported: use a string or a non-negative integer literal`);
        this.expect("]");
      } else {
        return { kind: "path", root, segments };
      }
    }
  }

  private callRefusal(name: string): Error {
    return this.refuse(`function and method calls (${JSON.stringify(`${name}(...)`)}) are not in the supported subset`);
  }

  private unexpected(token: Token, where: string): Error {
    if (token.kind === "name" && token.text === "in") return this.refuse(`"in" is not in the supported subset ${SUBSET}`);
    if (token.kind === "symbol" && token.text === "-") return this.refuse(`"-" is not in the supported subset ${SUBSET}`);
    return this.refuse(`unexpected ${describe(token)} ${where}`);
  }

  private expect(symbol: string): void {
    const token = this.next();
    if (token.kind !== "symbol" || token.text !== symbol) throw this.unexpected(token, `where "${symbol}" was expected`);
  }

  private accept(symbol: string): boolean {
    const token = this.peek();
    if (token.kind !== "symbol" || token.text !== symbol) return false;
    this.position++;
    return true;
  }

  private peek(): Token {
    // The end token is never consumed past, so the last token is always there.
    return this.tokens[Math.min(this.position, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    this.position++;
    return token;
  }
}

function describe(token: Token): string {
  return token.kind === "end" ? token.text : JSON.stringify(token.text);
}

function evaluate(node: Node, context: Record<string, unknown>): unknown {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "path":
      return resolvePath(context, node.root, node.segments);
    case "not":
      return evaluate(node.operand, context) !== true;
    case "and":
      return evaluate(node.left, context) === true && evaluate(node.right, context) === true;
    case "or":
      return evaluate(node.left, context) === true || evaluate(node.right, context) === true;
    case "compare":
      return compare(node.operator, evaluate(node.left, context), evaluate(node.right, context));
  }
}

// Own properties only: event data is untrusted, and `event.constructor` must be missing, not a function.
function resolvePath(context: Record<string, unknown>, root: string, segments: Segment[]): unknown {
  let value: unknown = Object.hasOwn(context, root) ? context[root] : undefined;
  for (const segment of segments) {
    if (typeof segment === "number") {
      value = Array.isArray(value) && segment < value.length ? (value[segment] as unknown) : undefined;
    } else if (isRecord(value) && Object.hasOwn(value, segment)) {
      value = value[segment];
    } else {
      return undefined;
    }
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function compare(operator: Comparison, left: unknown, right: unknown): boolean {
  switch (operator) {
    case "==":
      return equals(left, right);
    case "!=":
      return !equals(left, right);
    default:
      return ordered(operator, left, right);
  }
}

function equals(left: unknown, right: unknown): boolean {
  if (left === undefined || right === undefined) return left === null || right === null;
  if (isComposite(left) || isComposite(right)) return false;
  return left === right;
}

function isComposite(value: unknown): boolean {
  return typeof value === "object" && value !== null;
}

function ordered(operator: "<" | "<=" | ">" | ">=", left: unknown, right: unknown): boolean {
  if (typeof left === "number" && typeof right === "number") return order(operator, left, right);
  if (typeof left === "string" && typeof right === "string") return order(operator, left, right);
  return false;
}

function order<T extends number | string>(operator: "<" | "<=" | ">" | ">=", a: T, b: T): boolean {
  switch (operator) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
  }
}
