// A throwaway PostgreSQL 15 for the benchmarks, started by the same script the
// test suite uses (scripts/start-test-postgres.sh: temp folder, no fsync,
// 127.0.0.1 on a free port) and removed when the run ends.
import { execFile } from "node:child_process";
import { rm } from "node:fs/promises";
import { promisify } from "node:util";
import { databaseUrl, onServer } from "@/db/test-server";

export interface BenchPostgres {
  /** Superuser URL of the server's maintenance database. */
  url: string;
  pid: number;
  dir: string;
}

/** Exit code of start-test-postgres.sh when PostgreSQL 15 is not installed. */
const NO_POSTGRES = 3;

export async function startPostgres(): Promise<BenchPostgres> {
  try {
    const { stdout } = await promisify(execFile)("bash", ["scripts/start-test-postgres.sh"]);
    const value = (key: string) => new RegExp(`^${key}=(.*)$`, "m").exec(stdout)?.[1] ?? "";
    return { url: value("TEST_POSTGRES_URL"), pid: Number(value("TEST_POSTGRES_PID")), dir: value("TEST_POSTGRES_DIR") };
  } catch (error) {
    if ((error as { code?: number }).code === NO_POSTGRES) {
      throw new Error("The benchmark needs PostgreSQL 15 (on Debian: apt-get install -y postgresql-15).", { cause: error });
    }
    throw error;
  }
}

/** SIGINT is PostgreSQL's fast shutdown; its folder can go once it has exited. */
export async function stopPostgres(postgres: BenchPostgres): Promise<void> {
  try {
    process.kill(postgres.pid, "SIGINT");
  } catch {
    // Already gone.
  }
  for (let i = 0; i < 100 && isAlive(postgres.pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  await rm(postgres.dir, { recursive: true, force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Creates an empty database on the server and returns its URL. */
export async function createDatabase(postgres: BenchPostgres, name: string): Promise<string> {
  await onServer(postgres.url, (sql) => sql.unsafe(`create database "${name}"`));
  return databaseUrl(postgres.url, name);
}
