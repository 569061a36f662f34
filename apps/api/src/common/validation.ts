import { applyDecorators, BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { getMetadataStorage, isISO8601, IsString, Length, ValidateBy, ValidationTypes } from 'class-validator';
import type { defaultMetadataStorage as TypeStorage } from 'class-transformer/types/storage';
import { inputProblems, unstorableTextProblem } from './front-door';

// The @Type() metadata (as @nestjs/mapped-types reads it): the class a nested field holds.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: typeof TypeStorage };

/** Field → messages, with nested fields as dotted paths. */
export function fieldMessages(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) fields[path] = Object.values(error.constraints);
    if (error.children?.length) Object.assign(fields, fieldMessages(error.children, path));
  }
  return fields;
}

function badRequest(fields: Record<string, string[]>): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'BAD_REQUEST', message: Object.values(fields).flat(), fields });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Where a DTO nests another (@ValidateNested with @Type), the value must be an object, or for
 * `each` an array of objects. class-validator validates the elements of an array it finds in
 * place of an object (so `jurisdiction: []` passed, and the service read `[].name`) and the
 * values of an object in place of an array: this refuses both shapes, for every DTO at once.
 */
export function nestedShapeProblems(
  metatype: abstract new (...args: never[]) => unknown,
  value: unknown,
  prefix = '',
  fields: Record<string, string[]> = {},
): Record<string, string[]> {
  if (!isPlainObject(value)) return fields;
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(metatype, '', false, false);
  const optional = new Set(metadatas.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.propertyName));
  const seen = new Set<string>();
  for (const metadata of metadatas.filter((m) => m.type === ValidationTypes.NESTED_VALIDATION)) {
    const property = metadata.propertyName;
    if (seen.has(property)) continue;
    seen.add(property);
    const child = value[property];
    const path = prefix ? `${prefix}.${property}` : property;
    if (child === undefined || child === null) {
      // class-validator lets a missing nested object through: a required one is refused here.
      if (!optional.has(property)) fields[path] = [`${path} must be ${metadata.each ? 'an array' : 'an object'}`];
      continue;
    }
    const typeFunction = defaultMetadataStorage.findTypeMetadata(metatype, property)?.typeFunction;
    const childType = typeFunction ? (typeFunction() as unknown) : undefined;
    const recurse = (element: unknown, at: string) => {
      if (typeof childType === 'function') nestedShapeProblems(childType as new () => unknown, element, at, fields);
    };
    if (metadata.each) {
      if (!Array.isArray(child)) {
        fields[path] = [`${path} must be an array`];
        continue;
      }
      child.forEach((element, index) => {
        if (!isPlainObject(element)) fields[`${path}.${index}`] = [`${path}.${index} must be an object`];
        else recurse(element, `${path}.${index}`);
      });
    } else if (!isPlainObject(child)) {
      fields[path] = [`${path} must be an object`];
    } else {
      recurse(child, path);
    }
  }
  return fields;
}

/** A file multer received: its name is text the database will store. */
function isUploadedFile(value: unknown): value is { originalname: string } {
  return isPlainObject(value) && typeof value.originalname === 'string' && 'buffer' in value;
}

/**
 * Every body, query and path parameter: unknown fields refused, values transformed to their
 * declared types. Before that, what no DTO decorator sees: text PostgreSQL cannot store (in
 * parameters, multipart fields and file names too), and nested objects of the wrong shape.
 */
class DubanValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') {
      if (isUploadedFile(value)) {
        const problem = unstorableTextProblem(value.originalname);
        if (problem) throw badRequest({ 'file.name': [`file.name ${problem}`] });
      }
      return super.transform(value, metadata);
    }
    const where = metadata.type === 'param' ? (metadata.data ?? 'param') : metadata.type;
    if (typeof value === 'string') {
      const problem = unstorableTextProblem(value);
      if (problem) throw badRequest({ [where]: [`${where} ${problem}`] });
    } else if (value !== null && typeof value === 'object') {
      const fields = inputProblems(value, where);
      if (Object.keys(fields).length > 0) throw badRequest(fields);
      if (typeof metadata.metatype === 'function') {
        const shape = nestedShapeProblems(metadata.metatype, value);
        if (Object.keys(shape).length > 0) throw badRequest({ ...(await this.otherProblems(value, metadata)), ...shape });
      }
    }
    return super.transform(value, metadata);
  }

  /** What the DTO's own decorators say besides, so that one answer lists every field. */
  private async otherProblems(value: unknown, metadata: ArgumentMetadata): Promise<Record<string, string[]>> {
    try {
      await super.transform(value, metadata);
    } catch (error) {
      const body = error instanceof BadRequestException ? (error.getResponse() as { fields?: Record<string, string[]> }) : undefined;
      return body?.fields ?? {};
    }
    return {};
  }
}

/** Every body and query: unknown fields refused, values transformed to their declared types. */
export function dubanValidationPipe(): ValidationPipe {
  return new DubanValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => badRequest(fieldMessages(errors)),
  });
}

/** A required piece of text, trimmed before it is checked (so "   " is empty). */
export function TrimmedText(min: number, max: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    Length(min, max),
  );
}

/** A calendar date written YYYY-MM-DD that exists (not 2026-02-30): PostgreSQL would refuse it with a 500. */
export function CalendarDate(message: string): PropertyDecorator {
  return ValidateBy({
    name: 'calendarDate',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && isISO8601(value, { strict: true, strictSeparator: true }),
      defaultMessage: () => message,
    },
  });
}

/**
 * Date, time and zone, e.g. 2026-12-31T18:00:00+08:00 or …T10:00:00.000Z. The zone is required:
 * "2026-12-30T18:00:00" names no instant (JavaScript would take it as the server's local time,
 * the database as its session's), so it is refused rather than guessed.
 */
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;

export function isZonedDateTime(value: unknown): value is string {
  return typeof value === 'string' && ZONED_DATE_TIME.test(value) && isISO8601(value, { strict: true, strictSeparator: true }) && Number.isFinite(Date.parse(value));
}

/**
 * Every date-time the API takes (due times, deadlines, filters): ISO 8601 with a zone, else 400
 * naming the field. `what` adds to the message (e.g. "in the future").
 */
export function ZonedDateTime(what = ''): PropertyDecorator {
  return ValidateBy({
    name: 'zonedDateTime',
    validator: {
      validate: (value: unknown) => isZonedDateTime(value),
      defaultMessage: (args) =>
        `${args?.property ?? 'value'} must be an ISO 8601 date-time with a time zone${what ? ` ${what}` : ''}, e.g. 2026-12-31T18:00:00+08:00 (a time without Z or an offset is ambiguous)`,
    },
  });
}
