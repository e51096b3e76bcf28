// The synced functions in the shape the executor needs at run time: which
// events start or cancel which functions, with their expressions compiled once.
// Building it is also the check that a function stays inside what the embedded
// executor supports; anything else is refused by name.
import { type CompiledExpression, compileExpression, UnsupportedExpressionError } from "./expression";
import { type CronSchedule, InvalidCronError, parseCron } from "./cron";
import { InvalidDurationError, parseDurationMs } from "./duration";
import type { ExecutorHooks } from "./hooks";
import { type FunctionConfig, functionConfigSchema, maxAttempts, runtimeUrl } from "./protocol";

export class UnsupportedFunctionError extends Error {
  constructor(
    readonly functionId: string,
    readonly feature: string,
  ) {
    super(`Function "${functionId}" uses ${feature}, which the embedded workflow executor does not support.`);
    this.name = "UnsupportedFunctionError";
  }
}

export interface RegisteredFunction {
  id: string;
  name: string;
  url: string;
  config: FunctionConfig;
  maxAttempts: number;
  /** Concurrent steps allowed for the whole function; null for no limit. */
  concurrencyLimit: number | null;
  eventTriggers: { event: string; expression: CompiledExpression | null }[];
  cron: CronSchedule[];
  cancel: { event: string; expression: CompiledExpression | null; timeoutMs: number | null }[];
}

// Flow-control options of the Inngest server that this executor does not implement.
const unsupportedOptions: Record<string, string> = {
  idempotency: "idempotency keys (`idempotency`)",
  batchEvents: "event batching (`batchEvents`)",
  rateLimit: "rate limiting (`rateLimit`)",
  throttle: "throttling (`throttle`)",
  debounce: "debouncing (`debounce`)",
  priority: "priority (`priority`)",
  timeouts: "function timeouts (`timeouts`)",
  singleton: "singleton runs (`singleton`)",
};

function compile(functionId: string, source: string | undefined, where: string): CompiledExpression | null {
  if (source === undefined || source.trim() === "") return null;
  try {
    return compileExpression(source);
  } catch (error) {
    if (error instanceof UnsupportedExpressionError) {
      throw new UnsupportedFunctionError(functionId, `an expression outside the supported subset in ${where}: ${error.message}`);
    }
    throw error;
  }
}

function concurrencyLimit(config: FunctionConfig): number | null {
  const value = config.concurrency;
  if (value === undefined || value === null) return null;
  const entries = Array.isArray(value) ? value : [value];
  if (entries.length === 0) return null;
  if (entries.length > 1) throw new UnsupportedFunctionError(config.id, "more than one concurrency limit");
  const entry = entries[0]!;
  if (typeof entry === "number") return entry > 0 ? entry : null;
  if (entry.key) throw new UnsupportedFunctionError(config.id, "a keyed concurrency limit (`concurrency.key`)");
  if (entry.scope && entry.scope !== "fn") throw new UnsupportedFunctionError(config.id, `concurrency scope "${entry.scope}"`);
  return entry.limit > 0 ? entry.limit : null;
}

/** Checks one function config from a sync and prepares it; throws UnsupportedFunctionError. */
export function registerFunction(raw: unknown): RegisteredFunction {
  const parsed = functionConfigSchema.safeParse(raw);
  const rawId = typeof raw === "object" && raw && "id" in raw ? String(raw.id) : "(unnamed)";
  if (!parsed.success) throw new UnsupportedFunctionError(rawId, `a config the executor cannot read (${parsed.error.message})`);
  const config = parsed.data;

  for (const [option, feature] of Object.entries(unsupportedOptions)) {
    const value = (config as Record<string, unknown>)[option];
    if (value !== undefined && value !== null) throw new UnsupportedFunctionError(config.id, feature);
  }
  const steps = Object.values(config.steps);
  if (steps.length !== 1) throw new UnsupportedFunctionError(config.id, "more than one step runtime");
  if (steps[0]!.runtime.type && steps[0]!.runtime.type !== "http") {
    throw new UnsupportedFunctionError(config.id, `the "${steps[0]!.runtime.type}" runtime (only HTTP serve endpoints)`);
  }

  const eventTriggers: RegisteredFunction["eventTriggers"] = [];
  const cron: CronSchedule[] = [];
  for (const trigger of config.triggers) {
    if ("cron" in trigger) {
      if (trigger.jitter !== undefined) throw new UnsupportedFunctionError(config.id, "cron jitter");
      try {
        cron.push(parseCron(trigger.cron));
      } catch (error) {
        if (error instanceof InvalidCronError) throw new UnsupportedFunctionError(config.id, `an invalid cron trigger: ${error.message}`);
        throw error;
      }
    } else {
      eventTriggers.push({ event: trigger.event, expression: compile(config.id, trigger.expression, `the trigger on "${trigger.event}"`) });
    }
  }

  const cancel = (config.cancel ?? []).map((entry) => {
    let timeoutMs: number | null = null;
    if (entry.timeout) {
      try {
        timeoutMs = parseDurationMs(entry.timeout);
      } catch (error) {
        if (error instanceof InvalidDurationError) throw new UnsupportedFunctionError(config.id, `a cancelOn timeout it cannot read ("${entry.timeout}")`);
        throw error;
      }
    }
    return { event: entry.event, expression: compile(config.id, entry.if, `cancelOn "${entry.event}"`), timeoutMs };
  });

  return {
    id: config.id,
    name: config.name ?? config.id,
    url: runtimeUrl(config),
    config,
    maxAttempts: maxAttempts(config),
    concurrencyLimit: concurrencyLimit(config),
    eventTriggers,
    cron,
    cancel,
  };
}

/** All functions an executor knows, indexed by the events that concern them, with the hooks of the app it runs for. */
export class FunctionRegistry {
  readonly hooks: Required<ExecutorHooks>;
  private readonly byId = new Map<string, RegisteredFunction>();
  private readonly byApp = new Map<string, string[]>();
  private byTrigger = new Map<string, RegisteredFunction[]>();
  private byCancel = new Map<string, RegisteredFunction[]>();

  constructor(hooks: ExecutorHooks = {}) {
    this.hooks = { runWorkspace: hooks.runWorkspace ?? (() => null) };
  }

  /** Replaces what an app serves with the functions of its latest sync. */
  setApp(appId: string, functions: RegisteredFunction[]): void {
    for (const id of this.byApp.get(appId) ?? []) this.byId.delete(id);
    this.byApp.set(
      appId,
      functions.map((fn) => fn.id),
    );
    for (const fn of functions) this.byId.set(fn.id, fn);
    this.byTrigger = new Map();
    this.byCancel = new Map();
    for (const fn of this.byId.values()) {
      for (const trigger of fn.eventTriggers) push(this.byTrigger, trigger.event, fn);
      for (const cancel of fn.cancel) push(this.byCancel, cancel.event, fn);
    }
  }

  get(id: string): RegisteredFunction | undefined {
    return this.byId.get(id);
  }

  all(): RegisteredFunction[] {
    return [...this.byId.values()];
  }

  triggeredBy(eventName: string): RegisteredFunction[] {
    return this.byTrigger.get(eventName) ?? [];
  }

  cancelledBy(eventName: string): RegisteredFunction[] {
    return this.byCancel.get(eventName) ?? [];
  }

  listensTo(eventName: string): boolean {
    return this.byTrigger.has(eventName);
  }

  limited(): RegisteredFunction[] {
    return this.all().filter((fn) => fn.concurrencyLimit !== null);
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}
