// The body of every error the API answers (apps/api/src/common/domain-exception.filter.ts, the
// validation pipe, Nest's own HTTP exceptions); documented as ErrorResponse in /docs.
import type { DomainErrorCode } from '@duban/domain';

export interface ErrorResponse {
  /** The HTTP status again. */
  statusCode: number;
  /** The status's name, e.g. BAD_REQUEST, NOT_FOUND. */
  error?: string;
  /** The domain error code, when the domain refused: what the console words the refusal by. */
  code?: DomainErrorCode;
  /** What went wrong; for a refused body or query every field message. */
  message: string | string[];
  /** Field (dotted path for nested ones, e.g. phases.0.title) → its messages. */
  fields?: Record<string, string[]>;
  /** Facts about the refusal (e.g. maxBytes), per code. */
  details?: Record<string, unknown>;
}
