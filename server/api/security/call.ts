import type { Caller } from "@/server/api/test-caller";

/** Calls a procedure by its dotted path, as a client request would. */
export async function call(caller: Caller, path: string, input: unknown) {
  const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (procedure as (input: unknown) => Promise<unknown>)(input);
}
