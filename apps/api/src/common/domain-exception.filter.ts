import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, DomainErrorCode } from '@duban/domain';
import { PasswordHashingBusyError } from '@duban/persistence';

/** One place maps every domain error code to HTTP; a new code fails to compile until mapped. */
const STATUS_BY_CODE: Record<DomainErrorCode, HttpStatus> = {
  [DomainErrorCode.InvalidCredentials]: HttpStatus.UNAUTHORIZED,
  [DomainErrorCode.ActionNotPermitted]: HttpStatus.FORBIDDEN,
  [DomainErrorCode.DepartmentNotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.DepartmentCodeTaken]: HttpStatus.CONFLICT,
  [DomainErrorCode.DutyNotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.DutyTransitionForbidden]: HttpStatus.CONFLICT,
  [DomainErrorCode.DueTimeNotInFuture]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.DutyActionInputMissing]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.DutyReassignTargetInvalid]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.DutyNotWithDepartment]: HttpStatus.CONFLICT,
  [DomainErrorCode.EvidenceInvalid]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.EvidenceTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [DomainErrorCode.EvidenceTypeNotAllowed]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [DomainErrorCode.EvidenceNotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.EvidenceNotOfDuty]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.InvalidCalendar]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.CalendarChangedMeanwhile]: HttpStatus.CONFLICT,
  [DomainErrorCode.IdempotencyKeyReused]: HttpStatus.UNPROCESSABLE_ENTITY,
  [DomainErrorCode.NoDutyRoute]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.InvalidDutyRouteKey]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.InvalidCampaign]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.CampaignNotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.PhaseNotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.PhaseAlreadyLaunched]: HttpStatus.CONFLICT,
  [DomainErrorCode.PhaseOutOfOrder]: HttpStatus.CONFLICT,
  [DomainErrorCode.PreviousPhaseOpen]: HttpStatus.CONFLICT,
  [DomainErrorCode.ForceReasonMissing]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.PhaseNotEditable]: HttpStatus.CONFLICT,
  [DomainErrorCode.PhaseWindowOver]: HttpStatus.CONFLICT,
  [DomainErrorCode.PhaseWindowNotOpen]: HttpStatus.CONFLICT,
  [DomainErrorCode.EarlyLaunchReasonMissing]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.PhaseNotClosed]: HttpStatus.CONFLICT,
  [DomainErrorCode.InvalidUnitFacts]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.UnitNotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.ComplianceCaseNotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.ComplianceTransitionForbidden]: HttpStatus.CONFLICT,
  [DomainErrorCode.InvalidComplianceAction]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.CampaignNotRunning]: HttpStatus.CONFLICT,
  [DomainErrorCode.ComplianceRunNotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.ExposureProposalNotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.ExposureAlreadyDecided]: HttpStatus.CONFLICT,
  [DomainErrorCode.InspectionCaseNotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.InspectionCaseClosed]: HttpStatus.CONFLICT,
  [DomainErrorCode.InvalidEnforcementAction]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.UnitImportNotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.UnitImportTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [DomainErrorCode.DistrictCoveredByAnotherTeam]: HttpStatus.CONFLICT,
  [DomainErrorCode.InvalidDepartment]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.ExposureNotApproved]: HttpStatus.CONFLICT,
  [DomainErrorCode.InvalidAssessmentRules]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.AssessmentNotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.AssessmentUnitNotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.AssessmentFinalised]: HttpStatus.CONFLICT,
  [DomainErrorCode.AssessmentNotFinalised]: HttpStatus.CONFLICT,
  [DomainErrorCode.InvalidAssessmentReview]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.CircularNotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.CircularPublished]: HttpStatus.CONFLICT,
  [DomainErrorCode.InvalidCircular]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.InvalidReportPlan]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.ReportNotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.InvalidReport]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.SavedFilterNotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.UserNotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.UsernameTaken]: HttpStatus.CONFLICT,
  [DomainErrorCode.InvalidUser]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.PasswordPolicy]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.LastAdministrator]: HttpStatus.CONFLICT,
  [DomainErrorCode.AccountLocked]: HttpStatus.LOCKED,
  [DomainErrorCode.SignInThrottled]: HttpStatus.TOO_MANY_REQUESTS,
  [DomainErrorCode.PasswordChangeRequired]: HttpStatus.FORBIDDEN,
  [DomainErrorCode.PasswordResetLinkInvalid]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.UserStateConflict]: HttpStatus.CONFLICT,
  [DomainErrorCode.DepartmentInactive]: HttpStatus.CONFLICT,
  [DomainErrorCode.DepartmentStateConflict]: HttpStatus.CONFLICT,
  [DomainErrorCode.SingleSignOnRefused]: HttpStatus.UNAUTHORIZED,
  [DomainErrorCode.LocalPasswordsDisabled]: HttpStatus.FORBIDDEN,
  [DomainErrorCode.InvalidExposureListQuery]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.NoticeLinkNotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.NoticeLinkExpired]: HttpStatus.GONE,
};

export function httpStatusOf(code: DomainErrorCode): HttpStatus {
  return STATUS_BY_CODE[code];
}

/**
 * Errors that body-parser (and the router) raise before a route runs, made by `http-errors`:
 * oversized or malformed bodies, a body that is not the gzip its Content-Encoding says (zlib's
 * error carries no `type`), a malformed percent-encoding in a path. The front door's own
 * refusals carry `fields`.
 */
interface ClientHttpError {
  type?: string;
  status: number;
  expose: boolean;
  message: string;
  code?: unknown;
  fields?: Record<string, string[]>;
}

function isClientHttpError(error: unknown): error is ClientHttpError {
  const e = error as Partial<ClientHttpError>;
  return typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && e.expose === true && typeof e.message === 'string';
}

function clientHttpErrorMessage(error: ClientHttpError): string {
  switch (error.type) {
    case 'entity.too.large':
      return 'The request body is too large';
    case 'entity.parse.failed':
      return `The request body is not valid JSON: ${error.message}`;
    case 'request.aborted':
      return 'The request was aborted before its body arrived';
    case undefined:
      // zlib (Z_DATA_ERROR, Z_BUF_ERROR…): the body is not what its Content-Encoding says.
      return /^Z_/.test(String(error.code ?? '')) ? `The request body could not be decoded as its Content-Encoding says (${String(error.code)})` : error.message;
    default:
      return error.message;
  }
}

/** A TypeORM QueryFailedError (or the pg error itself): SQLSTATE in `code` or `driverError.code`. */
function sqlState(error: unknown): string | undefined {
  const e = error as { name?: string; code?: unknown; driverError?: { code?: unknown } };
  if (!e || typeof e !== 'object') return undefined;
  const code = e.driverError?.code ?? (e.name === 'QueryFailedError' || e.name === 'error' ? e.code : undefined);
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** The database is not there (refused, restarting, shutting down, too many clients). */
function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; errno?: unknown; message?: unknown; driverError?: { code?: unknown } };
  if (!e || typeof e !== 'object') return false;
  const state = sqlState(error);
  if (state && (state.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(state))) return true;
  const code = String(e.driverError?.code ?? e.code ?? '');
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'].includes(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return /Connection terminated|connect ECONNREFUSED|terminating connection due to administrator command|the database system is (starting up|shutting down)|timeout exceeded when trying to connect/i.test(
    message,
  );
}

/** How long a client should wait before it tries again when the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

@Catch()
export class DubanExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    if (response.headersSent) {
      this.logger.error(`Error after the answer began (${request?.method} ${request?.originalUrl}): ${String(error)}`);
      response.end();
      return;
    }
    if (error instanceof DomainError) {
      const status = httpStatusOf(error.code);
      const retryAfter = error.details?.retryAfterSeconds;
      if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
      response.status(status).json({
        statusCode: status,
        error: HttpStatus[status],
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
        // Field-by-field problems found by the domain read like the validation pipe's.
        ...(error.details?.fields ? { fields: error.details.fields } : {}),
      });
      return;
    }
    if (error instanceof PasswordHashingBusyError) {
      response
        .status(HttpStatus.SERVICE_UNAVAILABLE)
        .setHeader('Retry-After', String(error.retryAfterSeconds))
        .json({ statusCode: 503, error: 'SERVICE_UNAVAILABLE', message: error.message });
      return;
    }
    if (error instanceof HttpException) {
      const body = error.getResponse();
      const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
      if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
      response.status(error.getStatus()).json(typeof body === 'string' ? { statusCode: error.getStatus(), message: body } : body);
      return;
    }
    if (isClientHttpError(error)) {
      const fields = error.fields && Object.keys(error.fields).length > 0 ? error.fields : undefined;
      response.status(error.status).json({
        statusCode: error.status,
        error: HttpStatus[error.status] ?? 'BAD_REQUEST',
        message: fields ? Object.values(fields).flat() : clientHttpErrorMessage(error),
        ...(fields ? { fields } : {}),
      });
      return;
    }
    if (isDatabaseUnavailable(error)) {
      this.logger.error(`Database unavailable (${request?.method} ${request?.originalUrl}): ${String((error as Error)?.message ?? error)}`);
      response
        .status(HttpStatus.SERVICE_UNAVAILABLE)
        .setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS))
        .json({ statusCode: 503, error: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable just now; try again shortly' });
      return;
    }
    const state = sqlState(error);
    if (state && (state.startsWith('22') || state.startsWith('23'))) {
      // Input that the validation should have refused got as far as the database.
      this.logger.error(
        `input reached the database unvalidated: fix the validation (${request?.method} ${request?.originalUrl}, SQLSTATE ${state}): ${
          error instanceof Error ? (error.stack ?? error.message) : String(error)
        }`,
      );
      const status = state === '23505' ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
      response.status(status).json({
        statusCode: status,
        error: HttpStatus[status],
        message: state === '23505' ? 'The request conflicts with a record that exists already' : `The request holds a value that cannot be stored (SQLSTATE ${state})`,
      });
      return;
    }
    if (error instanceof SyntaxError || error instanceof URIError || error instanceof RangeError) {
      this.logger.error(`input reached the code unvalidated: fix the validation (${request?.method} ${request?.originalUrl}): ${error.stack ?? error.message}`);
      response.status(HttpStatus.BAD_REQUEST).json({ statusCode: 400, error: 'BAD_REQUEST', message: `The request could not be read: ${error.message}` });
      return;
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ statusCode: 500, error: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
  }
}
