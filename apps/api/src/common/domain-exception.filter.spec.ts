import { Logger, type ArgumentsHost } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DubanExceptionFilter } from './domain-exception.filter';
import { FrontDoorError } from './front-door';

function answer(error: unknown) {
  const sent: { status?: number; body?: any; headers: Record<string, string> } = { headers: {} };
  const response = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return response;
    },
    setHeader(name: string, value: string) {
      sent.headers[name.toLowerCase()] = value;
      return response;
    },
    json(body: unknown) {
      sent.body = body;
      return response;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ method: 'POST', originalUrl: '/x' }) }) } as unknown as ArgumentsHost;
  new DubanExceptionFilter().catch(error, host);
  return sent;
}

function queryFailed(code: string): QueryFailedError {
  return new QueryFailedError('INSERT ...', [], Object.assign(new Error(`pg says ${code}`), { code }));
}

describe('the exception filter on what input still causes', () => {
  let logged: string[];
  beforeEach(() => {
    logged = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => void logged.push(String(message)));
  });
  afterEach(() => jest.restoreAllMocks());

  it('answers a data exception or a constraint violation from the database with 400 (409 for a duplicate) and logs it loudly', () => {
    expect(answer(queryFailed('22P05'))).toMatchObject({ status: 400, body: { statusCode: 400, message: expect.stringContaining('22P05') } });
    expect(answer(queryFailed('22021')).status).toBe(400);
    expect(answer(queryFailed('23502')).status).toBe(400);
    expect(answer(queryFailed('23505')).status).toBe(409);
    expect(logged).toHaveLength(4);
    expect(logged[0]).toContain('input reached the database unvalidated: fix the validation');
  });

  it('answers 503 with Retry-After while the database is away', () => {
    for (const error of [
      queryFailed('57P01'),
      queryFailed('08006'),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('Connection terminated unexpectedly'),
    ]) {
      const sent = answer(error);
      expect(sent.status).toBe(503);
      expect(sent.headers['retry-after']).toBe('5');
    }
  });

  it('answers parser errors with 400: a body that is not its gzip, a front-door refusal, a URIError', () => {
    const zlib = Object.assign(new Error('Bad Request'), { status: 400, statusCode: 400, expose: true, code: 'Z_DATA_ERROR' });
    expect(answer(zlib)).toMatchObject({ status: 400, body: { message: expect.stringContaining('Content-Encoding') } });
    expect(answer(new FrontDoorError('input.refused', 'x', { title: ['title contains a NUL'] }))).toMatchObject({
      status: 400,
      body: { fields: { title: ['title contains a NUL'] }, message: ['title contains a NUL'] },
    });
    expect(answer(new URIError('URI malformed')).status).toBe(400);
  });

  it('keeps a genuine fault a 500', () => {
    expect(answer(new TypeError("Cannot read properties of undefined (reading 'x')")).status).toBe(500);
    expect(answer(queryFailed('42P01')).status).toBe(500);
  });
});
