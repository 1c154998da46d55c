// Typed errors for the handoff API: one class per gRPC status the server documents, so callers can
// write `catch (e) { if (e instanceof NotFoundError) … }` instead of comparing numeric codes.
import { Code, ConnectError } from "@connectrpc/connect";

/** A failed call: `code` is the gRPC status, `message` the server's text (without a code prefix). */
export class HandoffError extends Error {
  readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

export class InvalidArgumentError extends HandoffError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(Code.InvalidArgument, message, options);
  }
}

export class DeadlineExceededError extends HandoffError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(Code.DeadlineExceeded, message, options);
  }
}

export class NotFoundError extends HandoffError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(Code.NotFound, message, options);
  }
}

export class AlreadyExistsError extends HandoffError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(Code.AlreadyExists, message, options);
  }
}

export class PermissionDeniedError extends HandoffError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(Code.PermissionDenied, message, options);
  }
}

export class ResourceExhaustedError extends HandoffError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(Code.ResourceExhausted, message, options);
  }
}

export class FailedPreconditionError extends HandoffError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(Code.FailedPrecondition, message, options);
  }
}

export class AbortedError extends HandoffError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(Code.Aborted, message, options);
  }
}

export class OutOfRangeError extends HandoffError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(Code.OutOfRange, message, options);
  }
}

export class InternalError extends HandoffError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(Code.Internal, message, options);
  }
}

export class UnavailableError extends HandoffError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(Code.Unavailable, message, options);
  }
}

export class UnauthenticatedError extends HandoffError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(Code.Unauthenticated, message, options);
  }
}

type Subclass = new (message: string, options?: { cause?: unknown }) => HandoffError;

const byCode: Partial<Record<Code, Subclass>> = {
  [Code.InvalidArgument]: InvalidArgumentError,
  [Code.DeadlineExceeded]: DeadlineExceededError,
  [Code.NotFound]: NotFoundError,
  [Code.AlreadyExists]: AlreadyExistsError,
  [Code.PermissionDenied]: PermissionDeniedError,
  [Code.ResourceExhausted]: ResourceExhaustedError,
  [Code.FailedPrecondition]: FailedPreconditionError,
  [Code.Aborted]: AbortedError,
  [Code.OutOfRange]: OutOfRangeError,
  [Code.Internal]: InternalError,
  [Code.Unavailable]: UnavailableError,
  [Code.Unauthenticated]: UnauthenticatedError,
};

/**
 * Turns anything a Connect call threw into a HandoffError of the class for its code (codes the
 * server never sends on purpose, such as Canceled or Unknown, stay a plain HandoffError). The
 * original error is kept as `cause`.
 */
export function toHandoffError(err: unknown): HandoffError {
  if (err instanceof HandoffError) return err;
  const ce = ConnectError.from(err);
  const Class = byCode[ce.code];
  return Class
    ? new Class(ce.rawMessage, { cause: err })
    : new HandoffError(ce.code, ce.rawMessage, { cause: err });
}
