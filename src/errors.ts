/**
 * Domain errors: transport-free. The GraphQL layer maps them to error codes; anything else
 * that escapes a resolver is an internal error and is logged with an id.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly code: "BAD_USER_INPUT" | "NOT_FOUND" | "UNAVAILABLE" | "FORBIDDEN" | "CONFLICT",
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
