import { BadRequestException, ServiceUnavailableException, type Logger } from '@nestjs/common';
import { ServiceError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, DomainErrorCode } from '@duban/domain';
import type { TemporalClientProvider } from './temporal-client.provider';

const DOMAIN_CODES = new Set<string>(Object.values(DomainErrorCode));

function unavailable(message: string): ServiceUnavailableException {
  return new ServiceUnavailableException({ statusCode: 503, error: 'SERVICE_UNAVAILABLE', message });
}

/** The Temporal client, or a 503 that tells the caller to try again. */
export async function temporalClient(provider: TemporalClientProvider, logger: Logger) {
  try {
    return await provider.get();
  } catch (error) {
    logger.error(`Temporal is unreachable: ${String(error)}`);
    throw unavailable('The workflow service is unreachable; try again shortly');
  }
}

/** The failure type the worker gives an activity whose input the database refused. */
export const INVALID_INPUT_FAILURE = 'InvalidInput';

/**
 * The refusal behind an update's failure: the handler's own ApplicationFailure, or the one an
 * activity failed with (wrapped in an ActivityFailure).
 */
function applicationFailureIn(cause: Error | undefined): ApplicationFailure | undefined {
  for (let at: unknown = cause, depth = 0; at instanceof Error && depth < 5; at = at.cause, depth++) {
    if (at instanceof ApplicationFailure) return at;
  }
  return undefined;
}

/**
 * Runs a Temporal call and turns a workflow's refusal (an update failed with a domain code)
 * back into the domain error; an unreachable service becomes a 503. Anything else is ours.
 */
export async function callTemporal<T>(call: () => Promise<T>, logger: Logger): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const refusal = error instanceof WorkflowUpdateFailedError ? applicationFailureIn(error.cause) : undefined;
    if (refusal) {
      const { type, message, details } = refusal;
      if (type && DOMAIN_CODES.has(type)) {
        throw new DomainError(type as DomainErrorCode, message, (details?.[0] as Record<string, unknown> | undefined) ?? undefined);
      }
      if (type === INVALID_INPUT_FAILURE) {
        // The database refused what was sent (the front door should have): the caller's mistake,
        // and nothing was changed. Loud, so that the front door gets fixed.
        logger.error(`An action's input reached the database and was refused: ${message}`);
        throw new BadRequestException({ statusCode: 400, error: 'BAD_REQUEST', code: 'INVALID_INPUT', message: [message] });
      }
    }
    if (error instanceof WorkflowUpdateFailedError) {
      // Not a refusal: the workflow could not complete the action (an activity kept failing).
      // Its writes are idempotent, so the caller may simply try again.
      logger.error(`Update failed: ${error.cause?.message ?? error.message}`);
      throw unavailable('The action could not be completed just now; try again shortly');
    }
    if (error instanceof ServiceError) {
      logger.error(`Temporal call failed: ${error.message}`);
      throw unavailable('The workflow service did not answer; nothing was changed, try again shortly');
    }
    throw error;
  }
}
