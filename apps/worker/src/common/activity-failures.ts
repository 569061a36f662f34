import { Logger } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError } from '@duban/domain';

/** The failure type an activity fails with when the database refuses its input for good. */
export const INVALID_INPUT_FAILURE = 'InvalidInput';

/** A refusal of the domain does not get better with retries: fail at once, carrying the code. */
export async function refusalsAsFailures<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asNonRetryable(error) ?? error;
  }
}

/**
 * SQLSTATEs outside classes 22 and 23 that the statement's data causes, so that the same call
 * fails again: an untyped parameter, a datatype mismatch, an index row too large.
 */
const INPUT_SQLSTATES = new Set(['42P18', '42804', '54000']);

/**
 * The SQLSTATE of a PostgreSQL error that the input caused (class 22 data exception, class 23
 * integrity constraint violation, and the few above), or null. Connection losses, shutdowns,
 * serialization failures (40001) and deadlocks (40P01) are not: they pass on a retry.
 */
export function inputRefusalCode(error: unknown): string | null {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return null;
  return code.startsWith('22') || code.startsWith('23') || INPUT_SQLSTATES.has(code) ? code : null;
}

/** The non-retryable failure an error stands for, or undefined if retrying may help. */
function asNonRetryable(error: unknown): ApplicationFailure | undefined {
  if (error instanceof DomainError) {
    return ApplicationFailure.create({ message: error.message, type: error.code, nonRetryable: true, details: error.details ? [error.details] : [] });
  }
  return asInputFailure(error);
}

/** The database's refusal of the input as a non-retryable failure, or undefined. */
function asInputFailure(error: unknown): ApplicationFailure | undefined {
  const sqlState = inputRefusalCode(error);
  if (sqlState) {
    const message = error instanceof Error ? error.message : String(error);
    return ApplicationFailure.create({
      message: `The database refused the input (SQLSTATE ${sqlState}): ${message}`,
      type: INVALID_INPUT_FAILURE,
      nonRetryable: true,
      details: [{ sqlState }],
    });
  }
  return undefined;
}

const logger = new Logger('ActivityInput');

/**
 * A unique (or exclusion) violation may also be two attempts of the same activity racing after a
 * timeout, where the next attempt finds the row and passes: those get a few attempts before
 * they count as the input's fault.
 */
const RACE_SQLSTATES = new Set(['23505', '23P01']);
const RACE_ATTEMPTS = 3;

function activityAttempt(): number {
  try {
    return Context.current().info.attempt;
  } catch {
    return Number.POSITIVE_INFINITY; // outside an activity (unit tests): no retry to wait for
  }
}

/**
 * Every activity, wrapped once: a database refusal of the input fails the activity at once
 * instead of retrying it forever (a poison pill that would hold up everything queued behind
 * it); anything else (a lost connection, a deadlock, a timeout) still retries. Domain
 * refusals stay the activity's own choice (refusalsAsFailures).
 */
export function withInputFailures<T extends Record<string, (...args: never[]) => Promise<unknown>>>(activities: T): T {
  return Object.fromEntries(
    Object.entries(activities).map(([name, activity]) => [
      name,
      async (...args: never[]) => {
        try {
          return await activity(...args);
        } catch (error) {
          const failure = asInputFailure(error);
          if (failure && RACE_SQLSTATES.has(inputRefusalCode(error)!) && activityAttempt() < RACE_ATTEMPTS) {
            logger.warn(`Activity ${name} hit a unique violation, retrying in case it raced with another attempt: ${failure.message}`);
            throw error;
          }
          if (failure) {
            logger.error(`Activity ${name} failed on its input, not retrying: ${failure.message}`);
            throw failure;
          }
          throw error;
        }
      },
    ]),
  ) as T;
}
