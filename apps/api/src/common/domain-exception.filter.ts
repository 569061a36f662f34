import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, DomainErrorCode } from '@duban/domain';

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
};

export function httpStatusOf(code: DomainErrorCode): HttpStatus {
  return STATUS_BY_CODE[code];
}

/** Errors that body-parser raises before a route runs (oversized or malformed bodies). */
interface BodyParserError {
  type: string;
  status: number;
  expose: boolean;
  message: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  const e = error as Partial<BodyParserError>;
  return typeof e?.type === 'string' && typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.expose === true;
}

/** PostgreSQL away (down, restarting, refusing connections): a transient 503, not a 500. */
const DB_UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; driverError?: unknown } | undefined, depth = 0; e && depth < 3; e = e.driverError as typeof e, depth++) {
    if (typeof e.code === 'string' && DB_UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && /Connection terminated|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/.test(e.message)) return true;
  }
  return false;
}

@Catch()
export class DubanExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof DomainError) {
      const status = httpStatusOf(error.code);
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
    if (error instanceof HttpException) {
      const body = error.getResponse();
      response
        .status(error.getStatus())
        .json(typeof body === 'string' ? { statusCode: error.getStatus(), message: body } : body);
      return;
    }
    if (isBodyParserError(error)) {
      response.status(error.status).json({
        statusCode: error.status,
        error: HttpStatus[error.status],
        message: error.type === 'entity.too.large' ? 'The request body is too large' : error.message,
      });
      return;
    }
    if (isDatabaseUnavailable(error)) {
      this.logger.warn(`Database unavailable: ${error instanceof Error ? error.message : String(error)}`);
      response
        .status(HttpStatus.SERVICE_UNAVAILABLE)
        .setHeader('Retry-After', '5')
        .json({ statusCode: 503, error: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable; try again shortly' });
      return;
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    response
      .status(HttpStatus.INTERNAL_SERVER_ERROR)
      .json({ statusCode: 500, error: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
  }
}
