// Suites that are scripts of their own (bench-workflows, bench-reminders) run as
// a child process: its report is passed through as it comes, and kept for the
// summary to read its figures from.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const tsxCli = createRequire(__filename).resolve("tsx/cli");

export async function runBenchScript(script: string, args: string[]): Promise<{ output: string; code: number | null }> {
  const child = spawn(process.execPath, [tsxCli, script, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  return { output, code };
}
