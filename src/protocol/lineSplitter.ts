import { MAX_LINE_BYTES } from "./messages.js";

export type SplitEvent = { readonly kind: "line"; readonly line: string } | { readonly kind: "overflow"; readonly bytes: number };

/**
 * Cuts a byte stream into lines (`\n`, a preceding `\r` dropped). A line longer than `maxBytes`
 * is discarded up to its newline and reported once as an overflow, so one runaway line costs
 * bounded memory and never swallows the valid line after it.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private held = 0;
  private overflowing = false;
  private dropped = 0;

  constructor(private readonly maxBytes = MAX_LINE_BYTES) {}

  /** Feeds a chunk; returns the complete lines (and overflows) it finished. */
  push(chunk: Buffer): SplitEvent[] {
    const out: SplitEvent[] = [];
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl === -1 ? chunk.length : nl;
      this.take(chunk.subarray(start, end));
      if (nl === -1) break;
      out.push(this.finish());
      start = nl + 1;
    }
    return out;
  }

  /** Drops a partial line (the port closed mid-line); returns how many bytes were pending. */
  reset(): number {
    const pending = this.held + this.dropped;
    this.parts = [];
    this.held = 0;
    this.overflowing = false;
    this.dropped = 0;
    return pending;
  }

  private take(piece: Buffer): void {
    if (piece.length === 0) return;
    if (this.overflowing || this.held + piece.length > this.maxBytes + 1) {
      this.overflowing = true;
      this.dropped += this.held + piece.length;
      this.parts = [];
      this.held = 0;
      return;
    }
    this.parts.push(Buffer.from(piece));
    this.held += piece.length;
  }

  private finish(): SplitEvent {
    if (this.overflowing) {
      const bytes = this.dropped;
      this.overflowing = false;
      this.dropped = 0;
      return { kind: "overflow", bytes };
    }
    let line = Buffer.concat(this.parts, this.held).toString("utf8");
    this.parts = [];
    this.held = 0;
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (line.length > this.maxBytes) return { kind: "overflow", bytes: line.length };
    return { kind: "line", line };
  }
}
