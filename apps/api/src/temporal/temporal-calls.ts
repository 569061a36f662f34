import { ServiceUnavailableException, type Logger } from '@nestjs/common';
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

/**
 * Runs a Temporal call and turns a workflow's refusal (an update failed with a domain code)
 * back into the domain error; an unreachable service becomes a 503. Anything else is ours.
 */
export async function callTemporal<T>(call: () => Promise<T>, logger: Logger): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const { type, message, details } = error.cause;
      if (type && DOMAIN_CODES.has(type)) {
        throw new DomainError(type as DomainErrorCode, message, (details?.[0] as Record<string, unknown> | undefined) ?? undefined);
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
