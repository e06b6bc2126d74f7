import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** GNU time: `%M` is the child's peak resident set (worker threads included), `%U %S` its CPU seconds. */
const GNU_TIME = "/usr/bin/time";

/** One command to run in a fresh process. */
export interface ProcessSpec {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Killed (with its whole process group) after this long. */
  readonly timeoutMs: number;
}

/** What one run of a process cost. */
export interface ProcessRun {
  /** Wall time from spawn to exit. */
  readonly ms: number;
  /** Peak RSS in MB, or undefined when GNU time is not installed. */
  readonly peakRssMb: number | undefined;
  /** User + system CPU time in ms (steadier than wall time on a busy machine), or undefined. */
  readonly cpuMs: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

/** True when `/usr/bin/time` can report peak memory. */
export function hasGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split("\n").slice(-count).join("\n");
}

/**
 * Runs a command in a fresh process and measures its wall time and peak RSS. Output goes to
 * pipes that are read to the end (a closed pipe can leave a child spinning on EPIPE).
 * Rejects when the command fails or times out, with the end of its stderr.
 */
export async function measureProcess(spec: ProcessSpec): Promise<ProcessRun> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "kiji-bench-"));
  const rssFile = path.join(scratch, "usage");
  const [command, args] = hasGnuTime() ? [GNU_TIME, ["-f", "%M %U %S", "-o", rssFile, spec.command, ...spec.args]] : [spec.command, [...spec.args]];
  const started = performance.now();
  const child = spawn(command, args, { cwd: spec.cwd, env: { ...process.env, ...spec.env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
  }, spec.timeoutMs);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", (exitCode) => resolve(exitCode));
    });
    const ms = performance.now() - started;
    const name = path.basename(spec.command);
    if (timedOut) throw new Error(`${name} took longer than ${spec.timeoutMs / 1000} s and was stopped`);
    if (code !== 0) throw new Error(`${name} ${spec.args.join(" ")} exited with ${code}:\n${lastLines(stderr || stdout, 12)}`);
    const [rssKb = NaN, user = NaN, system = NaN] = existsSync(rssFile) ? lastLines(readFileSync(rssFile, "utf8"), 1).split(" ").map(Number) : [];
    const cpuMs = (user + system) * 1000;
    return { ms, peakRssMb: Number.isFinite(rssKb) ? rssKb / 1024 : undefined, cpuMs: Number.isFinite(cpuMs) ? cpuMs : undefined, stdout, stderr };
  } finally {
    clearTimeout(timer);
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The median of some numbers (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
