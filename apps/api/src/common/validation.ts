import { applyDecorators, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { isISO8601, IsString, Length, ValidateBy } from 'class-validator';

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

/** Every body and query: unknown fields refused, values transformed to their declared types. */
export function dubanValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = fieldMessages(errors);
      return new BadRequestException({
        statusCode: 400,
        error: 'BAD_REQUEST',
        message: Object.values(fields).flat(),
        fields,
      });
    },
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
