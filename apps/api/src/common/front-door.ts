import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * The limits every request meets before any route sees it (docs/testing.md "Hostile input"). The
 * DTOs set tighter limits per field; these stop what would hurt the server itself (a stack
 * overflow in the validator, a value PostgreSQL cannot store) whatever the endpoint.
 */
export const FRONT_DOOR_LIMITS = {
  /** Objects and arrays nested inside one another, the body itself counting as level 1. */
  maxDepth: 32,
  /** Elements of any one array (the largest DTO array allows 366). */
  maxArrayLength: 1000,
  /** Characters of any one string or key (the longest DTO text allows 20,000). */
  maxStringLength: 100_000,
  /** Content encodings a JSON body may arrive in; they are decoded within the body limit. */
  contentEncodings: ['identity', 'gzip', 'deflate'],
} as const;

/** Keys that would reach an object's prototype in code that copies bodies naively. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Characters PostgreSQL cannot store: NUL (text and jsonb) and lone UTF-16 surrogates (the
 * driver would turn them into U+FFFD in text, and jsonb refuses their \u escapes).
 */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be accepted, or null. */
export function unstorableTextProblem(text: string): string | null {
  const match = UNSTORABLE.exec(text);
  if (!match) return null;
  const char = match[0];
  const code = char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return char === '\u0000'
    ? 'contains a NUL character (\\u0000), which cannot be stored'
    : `contains a lone UTF-16 surrogate (\\u${code}), which is not a character and cannot be stored`;
}

/** A refusal raised by the front door: the exception filter answers it as a 400 with fields. */
export class FrontDoorError extends Error {
  readonly status: number;
  readonly expose = true;
  constructor(
    readonly type: string,
    message: string,
    readonly fields: Record<string, string[]> = {},
    status = 400,
  ) {
    super(message);
    this.status = status;
  }
}

function pathOf(prefix: string, key: string | number): string {
  return prefix === '' ? String(key) : `${prefix}.${key}`;
}

/**
 * Walks a parsed value once and lists what cannot be accepted, by field path: prototype keys,
 * unstorable characters (in keys and strings), oversized arrays and strings, nesting past the
 * limit. `where` names the part of the request in messages ("body", "query").
 */
export function inputProblems(value: unknown, where: string, limits = FRONT_DOOR_LIMITS): Record<string, string[]> {
  // A Map, not an object: a field named __proto__ must be reported, not assigned to a prototype.
  const fields = new Map<string, string[]>();
  const add = (path: string, message: string) => {
    const field = path === '' ? where : path;
    fields.set(field, [...(fields.get(field) ?? []), `${field} ${message}`]);
  };
  const visit = (node: unknown, path: string, depth: number) => {
    if (fields.size >= 20) return; // enough to tell the client what is wrong
    if (typeof node === 'string') {
      if (node.length > limits.maxStringLength) add(path, `must be at most ${limits.maxStringLength} characters long`);
      else {
        const problem = unstorableTextProblem(node);
        if (problem) add(path, problem);
      }
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (depth > limits.maxDepth) {
      add(path, `is nested deeper than ${limits.maxDepth} levels`);
      return;
    }
    if (Array.isArray(node)) {
      if (node.length > limits.maxArrayLength) {
        add(path, `must have at most ${limits.maxArrayLength} elements`);
        return;
      }
      node.forEach((element, index) => visit(element, pathOf(path, index), depth + 1));
      return;
    }
    for (const key of Object.keys(node)) {
      const keyPath = pathOf(path, key);
      if (PROTOTYPE_KEYS.has(key)) {
        add(keyPath, 'is not allowed as a field name');
        continue;
      }
      if (key.length > limits.maxStringLength) {
        add(path, 'has a field name that is too long');
        continue;
      }
      const keyProblem = unstorableTextProblem(key);
      if (keyProblem) {
        add(pathOf(path, JSON.stringify(key).slice(1, -1)), `(a field name) ${keyProblem}`);
        continue;
      }
      visit((node as Record<string, unknown>)[key], keyPath, depth + 1);
    }
  };
  visit(value, '', 1);
  return Object.fromEntries(fields);
}

/**
 * The nesting depth of a JSON text, without parsing it (a body nested thousands of levels
 * would overflow the stack of every recursive step after JSON.parse). Bytes of UTF-8 text:
 * brackets and quotes are ASCII and never occur inside a multi-byte character.
 */
export function jsonNestingExceeds(bytes: Uint8Array, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (byte === 0x22) inString = false;
      continue;
    }
    if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > maxDepth) return true;
    } else if (byte === 0x7d || byte === 0x5d) depth--;
  }
  return false;
}

function refuse(next: NextFunction, fields: Record<string, string[]>, what: string): void {
  next(new FrontDoorError('input.refused', `The ${what} holds values that cannot be accepted`, fields));
}

/**
 * Installs the front door on the app: the JSON parser (size limit on the decoded body, gzip
 * and deflate decoded, other encodings 415, depth checked before parsing, a UTF-8 BOM
 * ignored), then one walk over the parsed body and the query string.
 */
export function installFrontDoor(app: INestApplication, options: { bodyLimit: string }): void {
  const express = app as NestExpressApplication;
  // Refuse unknown encodings before any parser looks at the body (multipart included).
  express.use((request: Request, _response: Response, next: NextFunction) => {
    const encoding = String(request.headers['content-encoding'] ?? 'identity')
      .trim()
      .toLowerCase();
    if (!(FRONT_DOOR_LIMITS.contentEncodings as readonly string[]).includes(encoding)) {
      next(new FrontDoorError('encoding.unsupported', `Content-Encoding "${encoding}" is not supported: send identity, gzip or deflate`, {}, 415));
      return;
    }
    if (encoding !== 'identity' && request.is('multipart/*')) {
      next(new FrontDoorError('encoding.unsupported', 'A multipart upload must not be content-encoded', {}, 415));
      return;
    }
    next();
  });
  express.useBodyParser('json', {
    limit: options.bodyLimit,
    // Runs on the decoded bytes before JSON.parse: throwing here refuses the body.
    verify: (_request: unknown, _response: unknown, body: Buffer) => {
      if (jsonNestingExceeds(body, FRONT_DOOR_LIMITS.maxDepth)) {
        throw new FrontDoorError('entity.too.deep', `The JSON body is nested deeper than ${FRONT_DOOR_LIMITS.maxDepth} levels`, {
          body: [`body is nested deeper than ${FRONT_DOOR_LIMITS.maxDepth} levels`],
        });
      }
    },
  });
  const walk: RequestHandler = (request, _response, next) => {
    if (request.body !== undefined && request.body !== null && typeof request.body === 'object') {
      const fields = inputProblems(request.body, 'body');
      if (Object.keys(fields).length > 0) return refuse(next, fields, 'request body');
    }
    const query = request.query as unknown;
    if (query && typeof query === 'object' && Object.keys(query).length > 0) {
      const fields = inputProblems(query, 'query');
      if (Object.keys(fields).length > 0) return refuse(next, fields, 'query string');
    }
    next();
  };
  express.use(walk);
}
