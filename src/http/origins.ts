import { isIP } from "node:net";
import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";

/** True for addresses that only this machine can reach. */
export function isLoopback(host: string): boolean {
  if (host === "localhost") return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  return host === "::1";
}

/** Which browser pages may reach the twin, over HTTP and WebSocket alike. */
export interface OriginPolicy {
  /** CORS_ORIGINS, normalised (`scheme://host[:port]`); the twin's own origin is always allowed. */
  readonly allowed: readonly string[];
  /**
   * True for a twin without authentication on a loopback address: it answers only requests
   * addressed to a loopback name, so a page on another site cannot reach it by pointing its
   * own DNS name at 127.0.0.1 (DNS rebinding), which would make it "same-origin".
   */
  readonly loopbackHostsOnly: boolean;
}

export type OriginVerdict =
  | { readonly allowed: true; /** The listed cross-origin caller to name in CORS headers, else null. */ readonly corsOrigin: string | null }
  | { readonly allowed: false; readonly code: "ORIGIN_NOT_ALLOWED" | "HOST_NOT_ALLOWED"; readonly message: string; /** ≤ 123 bytes, for a WebSocket close frame. */ readonly closeReason: string };

const LOOPBACK_NAMES = /^(localhost|[\w-]+\.localhost)$/i;

function hostnameOf(host: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(host);
  if (bracketed?.[1] !== undefined) return bracketed[1];
  return host.replace(/:\d+$/, "");
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A close reason cut to the 123 bytes a WebSocket close frame holds, on a character boundary. */
export function closeReason(text: string): string {
  return Buffer.from(text)
    .subarray(0, 123)
    .toString()
    .replace(/\uFFFD$/, "");
}

/**
 * Judges one request by its `Origin` and `Host` headers: allowed when the Origin is absent (not
 * a browser, or a navigation), the twin's own (same host and port as the request's Host), or
 * listed in CORS_ORIGINS; refused otherwise, with a message naming the origin and the setting.
 */
export function judgeOrigin(policy: OriginPolicy, origin: string | undefined, host: string | undefined): OriginVerdict {
  if (policy.loopbackHostsOnly && host !== undefined) {
    const name = hostnameOf(host);
    const listedHost = policy.allowed.some((o) => new URL(o).host === host.toLowerCase());
    if (!isLoopback(name) && !LOOPBACK_NAMES.test(name) && !listedHost) {
      return {
        allowed: false,
        code: "HOST_NOT_ALLOWED",
        message:
          `requests addressed to "${shorten(host, 80)}" are refused: without authentication this twin answers only requests to a loopback name ` +
          "(localhost, 127.0.0.1, [::1]), so no other site can reach it by pointing its DNS at this machine; use one of those names, or set JWT_SECRET or JWKS_URL",
        closeReason: closeReason(`Host ${shorten(host, 60)} refused: not a loopback name (no auth configured)`),
      };
    }
  }
  if (origin === undefined) return { allowed: true, corsOrigin: null };
  let parsed: URL | null = null;
  try {
    parsed = new URL(origin);
  } catch {
    parsed = null;
  }
  if (parsed !== null && parsed.host === host?.toLowerCase()) return { allowed: true, corsOrigin: null };
  if (parsed !== null && policy.allowed.includes(parsed.origin)) return { allowed: true, corsOrigin: parsed.origin };
  const listed = policy.allowed.length === 0 ? "none" : policy.allowed.join(", ");
  return {
    allowed: false,
    code: "ORIGIN_NOT_ALLOWED",
    message:
      `origin ${shorten(origin, 200)} is not allowed to call this API: only the twin's own pages and the origins in CORS_ORIGINS (now: ${listed}) may; ` +
      "add the origin to CORS_ORIGINS to allow its pages",
    closeReason: closeReason(`origin ${shorten(origin, 70)} not allowed; only same-origin and CORS_ORIGINS`),
  };
}

/** The verdict for a request or WebSocket upgrade. */
export function judgeRequest(policy: OriginPolicy, request: IncomingMessage): OriginVerdict {
  return judgeOrigin(policy, request.headers.origin, request.headers.host);
}

/** The JSON body of a refusal, shaped like a GraphQL error so GraphQL clients show its message. */
export function refusalBody(message: string, code: string): { errors: Array<{ message: string; extensions: { code: string } }> } {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * The first middleware: refuses requests from foreign pages (403), answers CORS preflights of
 * listed origins, and marks their responses readable by them (Access-Control-Allow-Origin).
 */
export function originGuard(policy: OriginPolicy): RequestHandler {
  return function originGuard(req, res, next) {
    const verdict = judgeRequest(policy, req);
    res.vary("Origin");
    if (!verdict.allowed) {
      res.status(403).json(refusalBody(verdict.message, verdict.code));
      return;
    }
    if (verdict.corsOrigin !== null) {
      res.setHeader("Access-Control-Allow-Origin", verdict.corsOrigin);
      res.setHeader("Access-Control-Expose-Headers", "x-request-id, retry-after");
    }
    const preflight = req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
    if (!preflight) {
      next();
      return;
    }
    if (verdict.corsOrigin !== null) {
      res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      const wanted = req.headers["access-control-request-headers"];
      if (wanted !== undefined) res.setHeader("Access-Control-Allow-Headers", wanted);
      res.setHeader("Access-Control-Max-Age", "600");
      res.vary("Access-Control-Request-Headers");
    }
    res.status(204).end();
  };
}
