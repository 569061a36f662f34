import { ApplicationFailure } from '@temporalio/common';
import { DomainError } from '@duban/domain';

/** A refusal of the domain does not get better with retries: fail at once, carrying the code. */
export async function refusalsAsFailures<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DomainError) {
      throw ApplicationFailure.create({ message: error.message, type: error.code, nonRetryable: true, details: error.details ? [error.details] : [] });
    }
    throw error;
  }
}
