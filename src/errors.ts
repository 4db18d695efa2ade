/**
 * Domain errors: transport-free. The GraphQL layer maps them to error codes; anything else
 * that escapes a resolver is an internal error and is logged with an id.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly code: "BAD_USER_INPUT" | "NOT_FOUND" | "UNAVAILABLE" | "FORBIDDEN" | "CONFLICT" | "UNAUTHENTICATED" | "INTERLOCK" | "RATE_LIMITED" | "DEVICE_OFFLINE",
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The caller sent something unusable; the message says what and how to fix it. */
export class InvalidInputError extends DomainError {
  constructor(message: string) {
    super(message, "BAD_USER_INPUT");
  }
}

/** A named thing (sensor, alert, device) does not exist. */
export class NotFoundError extends DomainError {
  constructor(message: string) {
    super(message, "NOT_FOUND");
  }
}

/** A dependency (the database, a device) cannot serve the request right now; retrying may help. */
export class UnavailableError extends DomainError {
  constructor(message: string) {
    super(message, "UNAVAILABLE");
  }
}

/** No valid credentials: a missing, expired or tampered token. */
export class UnauthenticatedError extends DomainError {
  constructor(message: string) {
    super(message, "UNAUTHENTICATED");
  }
}

/** A safety interlock forbids the command; the message names the interlock. */
export class InterlockError extends DomainError {
  constructor(message: string) {
    super(message, "INTERLOCK");
  }
}

/** Too many commands on one actuator; the message says when the next is allowed. */
export class RateLimitedError extends DomainError {
  constructor(message: string) {
    super(message, "RATE_LIMITED");
  }
}

/** The device a command must go through is not connected: nothing was sent; the message names it and when it was last seen. */
export class DeviceOfflineError extends DomainError {
  constructor(
    message: string,
    readonly deviceId: string,
    readonly lastSeenMs: number | null,
  ) {
    super(message, "DEVICE_OFFLINE");
  }
}
