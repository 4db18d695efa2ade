import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, statfsSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

/** The log cannot be used: the message names the folder, what went wrong and what to do. */
export class WalError extends Error {
  override readonly name = "WalError";
}

const INSTANCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** A problem with an instance name (it becomes part of file names), or null. */
export function instanceProblem(instance: string): string | null {
  return INSTANCE_PATTERN.test(instance) ? null : `"${instance}" must be 1–64 letters, digits, '_', '.' or '-', starting with a letter or digit`;
}

/** Segment files are `<instance>-<number>.wal`: each twin writes and replays only its own. */
export function segmentName(instance: string, number: number): string {
  return `${instance}-${String(number).padStart(12, "0")}.wal`;
}

export interface SegmentFile {
  readonly number: number;
  readonly file: string;
}

/** This instance's segments in the folder, oldest first. */
export function listSegments(dir: string, instance: string): SegmentFile[] {
  const pattern = new RegExp(`^${instance.replace(/[.]/g, "\\.")}-(\\d{12})\\.wal$`);
  return readdirSync(dir)
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter((e) => e.match !== null)
    .map((e) => ({ number: Number(e.match![1]), file: path.join(dir, e.name) }))
    .sort((a, b) => a.number - b.number);
}

/** Instances other than `instance` that left segments in the folder (their own twin replays them). */
export function otherInstances(dir: string, instance: string): string[] {
  const others = new Set<string>();
  for (const name of readdirSync(dir)) {
    const match = /^(.+)-\d{12}\.wal$/.exec(name);
    if (match?.[1] !== undefined && match[1] !== instance) others.add(match[1]);
  }
  return [...others].sort();
}

/** Free bytes for an unprivileged writer on the file system holding `dir`. */
export function freeBytes(dir: string): number {
  const stats = statfsSync(dir);
  return stats.bavail * stats.bsize;
}

export const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Creates the folder if needed and takes `<instance>.lock` (holding this process's id), so two
 * twins never write one instance's segments. A lock left by a process that is gone (a crash)
 * is taken over. Returns the function that releases it.
 */
export function lockInstance(dir: string, instance: string): () => void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new WalError(`cannot create the write-ahead log folder ${dir}: ${(error as Error).message}; set INGEST_WAL_DIR to a writable folder`);
  }
  const lock = path.join(dir, `${instance}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(lock);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EEXIST") {
        throw new WalError(`cannot write in the write-ahead log folder ${dir} (${code ?? (error as Error).message}); make it writable or set INGEST_WAL_DIR to a writable folder`);
      }
      const holder = Number(readFileSync(lock, "utf8").trim());
      if (alive(holder) && holder !== process.pid) {
        throw new WalError(
          `the write-ahead log instance "${instance}" in ${dir} is in use by process ${holder} (another twin on the same data folder); ` +
            "give this twin its own INSTANCE_ID (or PORT), or stop the other one",
        );
      }
      unlinkSync(lock);
    }
  }
  throw new WalError(`cannot take the lock ${lock}; another twin may be starting on the same data folder`);
}
