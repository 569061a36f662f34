import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { type DomainError } from '@duban/domain';

/** A domain refusal as a failure that fails the update (not the workflow), carrying the code as its type. */
export function refusal(error: DomainError): ApplicationFailure {
  return ApplicationFailure.create({
    message: error.message,
    type: error.code,
    nonRetryable: true,
    details: error.details ? [error.details] : [],
  });
}

/** An activity's domain refusal (thrown non-retryable by the worker) passed on to the update's caller. */
export function unwrapActivityRefusal(error: unknown): unknown {
  if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.nonRetryable) {
    return ApplicationFailure.create({ message: error.cause.message, type: error.cause.type ?? undefined, nonRetryable: true, details: error.cause.details as unknown[] });
  }
  return error;
}
