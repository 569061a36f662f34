/**
 * Every failure a caller can cause has a code. The API maps each code to one HTTP status in a
 * single place (an exhaustive map, so adding a code without mapping it fails to compile).
 */
export enum DomainErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  ActionNotPermitted = 'ACTION_NOT_PERMITTED',
  DepartmentNotFound = 'DEPARTMENT_NOT_FOUND',
  DepartmentCodeTaken = 'DEPARTMENT_CODE_TAKEN',
  DutyNotFound = 'DUTY_NOT_FOUND',
  DutyTransitionForbidden = 'DUTY_TRANSITION_FORBIDDEN',
  DueTimeNotInFuture = 'DUE_TIME_NOT_IN_FUTURE',
  DutyActionInputMissing = 'DUTY_ACTION_INPUT_MISSING',
  DutyReassignTargetInvalid = 'DUTY_REASSIGN_TARGET_INVALID',
  DutyNotWithDepartment = 'DUTY_NOT_WITH_DEPARTMENT',
  EvidenceInvalid = 'EVIDENCE_INVALID',
  EvidenceTooLarge = 'EVIDENCE_TOO_LARGE',
  EvidenceTypeNotAllowed = 'EVIDENCE_TYPE_NOT_ALLOWED',
  EvidenceNotFound = 'EVIDENCE_NOT_FOUND',
  EvidenceNotOfDuty = 'EVIDENCE_NOT_OF_DUTY',
  InvalidCalendar = 'INVALID_CALENDAR',
  CalendarChangedMeanwhile = 'CALENDAR_CHANGED_MEANWHILE',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  NoDutyRoute = 'NO_DUTY_ROUTE',
  InvalidDutyRouteKey = 'INVALID_DUTY_ROUTE_KEY',
  InvalidCampaign = 'INVALID_CAMPAIGN',
  CampaignNotFound = 'CAMPAIGN_NOT_FOUND',
  PhaseNotFound = 'PHASE_NOT_FOUND',
  PhaseAlreadyLaunched = 'PHASE_ALREADY_LAUNCHED',
  PhaseOutOfOrder = 'PHASE_OUT_OF_ORDER',
  PreviousPhaseOpen = 'PREVIOUS_PHASE_OPEN',
  ForceReasonMissing = 'FORCE_REASON_MISSING',
  PhaseNotEditable = 'PHASE_NOT_EDITABLE',
  PhaseWindowOver = 'PHASE_WINDOW_OVER',
  /** A launch before the phase's window opens, without `early: true` and a reason (details: the window). */
  PhaseWindowNotOpen = 'PHASE_WINDOW_NOT_OPEN',
  EarlyLaunchReasonMissing = 'EARLY_LAUNCH_REASON_MISSING',
  PhaseNotClosed = 'PHASE_NOT_CLOSED',
  InvalidUnitFacts = 'INVALID_UNIT_FACTS',
  UnitNotFound = 'UNIT_NOT_FOUND',
  ComplianceCaseNotFound = 'COMPLIANCE_CASE_NOT_FOUND',
  ComplianceTransitionForbidden = 'COMPLIANCE_TRANSITION_FORBIDDEN',
  InvalidComplianceAction = 'INVALID_COMPLIANCE_ACTION',
  CampaignNotRunning = 'CAMPAIGN_NOT_RUNNING',
  ComplianceRunNotFound = 'COMPLIANCE_RUN_NOT_FOUND',
  ExposureProposalNotFound = 'EXPOSURE_PROPOSAL_NOT_FOUND',
  ExposureAlreadyDecided = 'EXPOSURE_ALREADY_DECIDED',
  InspectionCaseNotFound = 'INSPECTION_CASE_NOT_FOUND',
  InspectionCaseClosed = 'INSPECTION_CASE_CLOSED',
  InvalidEnforcementAction = 'INVALID_ENFORCEMENT_ACTION',
  UnitImportNotFound = 'UNIT_IMPORT_NOT_FOUND',
  UnitImportTooLarge = 'UNIT_IMPORT_TOO_LARGE',
  DistrictCoveredByAnotherTeam = 'DISTRICT_COVERED_BY_ANOTHER_TEAM',
  InvalidDepartment = 'INVALID_DEPARTMENT',
  ExposureNotApproved = 'EXPOSURE_NOT_APPROVED',
  InvalidAssessmentRules = 'INVALID_ASSESSMENT_RULES',
  AssessmentNotFound = 'ASSESSMENT_NOT_FOUND',
  AssessmentUnitNotFound = 'ASSESSMENT_UNIT_NOT_FOUND',
  AssessmentFinalised = 'ASSESSMENT_FINALISED',
  AssessmentNotFinalised = 'ASSESSMENT_NOT_FINALISED',
  InvalidAssessmentReview = 'INVALID_ASSESSMENT_REVIEW',
  CircularNotFound = 'CIRCULAR_NOT_FOUND',
  CircularPublished = 'CIRCULAR_PUBLISHED',
  InvalidCircular = 'INVALID_CIRCULAR',
  InvalidReportPlan = 'INVALID_REPORT_PLAN',
  ReportNotFound = 'REPORT_NOT_FOUND',
  InvalidReport = 'INVALID_REPORT',
  SavedFilterNotFound = 'SAVED_FILTER_NOT_FOUND',
  UserNotFound = 'USER_NOT_FOUND',
  UsernameTaken = 'USERNAME_TAKEN',
  InvalidUser = 'INVALID_USER',
  PasswordPolicy = 'PASSWORD_POLICY',
  LastAdministrator = 'LAST_ADMINISTRATOR',
  /** Locked after repeated failed sign-ins, until an administrator lifts the lock. */
  AccountLocked = 'ACCOUNT_LOCKED',
  /** Too many failed sign-ins for this account or from this address just now (details.retryAfterSeconds). */
  SignInThrottled = 'SIGN_IN_THROTTLED',
  /** Signed in with a one-time password: nothing but changing it until it is changed. */
  PasswordChangeRequired = 'PASSWORD_CHANGE_REQUIRED',
  PasswordResetLinkInvalid = 'PASSWORD_RESET_LINK_INVALID',
  /** A state the user is already in (deactivating a deactivated user), or an unlock with no lock. */
  UserStateConflict = 'USER_STATE_CONFLICT',
  DepartmentInactive = 'DEPARTMENT_INACTIVE',
  DepartmentStateConflict = 'DEPARTMENT_STATE_CONFLICT',
  /** Single sign-on refused: not configured, a bad callback, or a person configuration does not provision. */
  SingleSignOnRefused = 'SINGLE_SIGN_ON_REFUSED',
  /** Local passwords are switched off (DUBAN_LOCAL_PASSWORDS=false): sign in through single sign-on. */
  LocalPasswordsDisabled = 'LOCAL_PASSWORDS_DISABLED',
  /** A query the exposure list cannot answer (the printable page is the public list only). */
  InvalidExposureListQuery = 'INVALID_EXPOSURE_LIST_QUERY',
  /** An employer's notice link that is not one Duban signed, or names no issued notice. */
  NoticeLinkNotFound = 'NOTICE_LINK_NOT_FOUND',
  /** An employer's notice link Duban signed whose time is over. */
  NoticeLinkExpired = 'NOTICE_LINK_EXPIRED',
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
