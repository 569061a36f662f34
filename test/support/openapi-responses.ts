import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const DOC_ID = 'duban-openapi';

/** OpenAPI 3.0 schema → JSON Schema: `nullable` becomes "or null", refs point into the document's components. */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const { nullable, example: _example, xml: _xml, discriminator: _discriminator, ...rest } = schema as Json;
  const out: Json = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === '$ref' && typeof value === 'string') out.$ref = value.startsWith('#/') ? `${DOC_ID}${value}` : value;
    else if (key === 'properties' || key === 'patternProperties') out[key] = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, toJsonSchema(v)]));
    else if (typeof value === 'object' && value !== null && key !== 'enum' && key !== 'required') out[key] = toJsonSchema(value);
    else out[key] = value;
  }
  if (out.format === 'binary') delete out.format;
  if (nullable !== true) return out;
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  return { anyOf: [out, { type: 'null' }] };
}

interface Route {
  template: string;
  method: string;
  operation: Json;
  pattern: RegExp;
  literalSegments: number;
}

/**
 * Checks answers against the served OpenAPI document: the route's operation (method + path
 * template), the status among its documented responses, a JSON body against that response's
 * schema. Validators are compiled once per operation and status.
 */
export class OpenApiResponseChecker {
  private readonly ajv: Ajv;
  private readonly routes: Route[] = [];
  private readonly validators = new Map<string, ValidateFunction | null>();

  constructor(private readonly document: Json) {
    this.ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: DOC_ID, components: { schemas: toJsonSchema(document.components?.schemas ?? {}) } });
    for (const [template, item] of Object.entries<Json>(document.paths ?? {})) {
      const segments = template.split('/');
      const pattern = new RegExp(`^${segments.map((s) => (/^\{[^}]+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}/?$`);
      for (const method of METHODS) {
        if (item[method]) this.routes.push({ template, method, operation: item[method], pattern, literalSegments: segments.filter((s) => s && !s.startsWith('{')).length });
      }
    }
  }

  /** The operation a request goes to; the most literal template wins (/duties/bulk over /duties/{id}). */
  route(method: string, url: string): Route | undefined {
    const path = url.split('?')[0]!.split('#')[0]!;
    return this.routes.filter((r) => r.method === method.toLowerCase() && r.pattern.test(path)).sort((a, b) => b.literalSegments - a.literalSegments)[0];
  }

  /** null when the answer is as documented, else why not (naming the operation, status and the ajv error). */
  problem(method: string, url: string, status: number, contentType: string | null, body: unknown): string | null {
    const route = this.route(method, url);
    if (!route) return null; // not an API route (the console, /docs): nothing documented to hold it to
    const name = `${route.operation.operationId ?? '?'} (${method.toUpperCase()} ${route.template})`;
    const response = route.operation.responses?.[String(status)] ?? route.operation.responses?.default;
    if (!response) {
      return `${name} answered ${status}, which its OpenAPI operation does not document (documented: ${Object.keys(route.operation.responses ?? {}).join(', ')}); body: ${preview(body)}`;
    }
    const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
    if (!type || status === 204) return null;
    const content: Json = response.content ?? {};
    if (type !== 'application/json') {
      if (Object.keys(content).length && !content[type] && !content['*/*']) {
        return `${name} answered ${status} as ${type}, which is not among its documented types (${Object.keys(content).join(', ')})`;
      }
      return null;
    }
    if (!content['application/json'])
      return `${name} answered ${status} with JSON, but documents no JSON body for it (${Object.keys(content).join(', ') || 'no content'}); body: ${preview(body)}`;
    const validate = this.validator(route, status, content['application/json'].schema);
    if (!validate || validate(body)) return null;
    const errors = (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
    return `${name} answered ${status} with a body that does not match its documented schema: ${errors.join('; ')}; body: ${preview(body)}`;
  }

  private validator(route: Route, status: number, schema: unknown): ValidateFunction | null {
    const key = `${route.method} ${route.template} ${status}`;
    if (!this.validators.has(key)) this.validators.set(key, schema ? this.ajv.compile(toJsonSchema(schema) as Json) : null);
    return this.validators.get(key)!;
  }
}

function preview(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text === undefined ? '(none)' : text.length > 400 ? `${text.slice(0, 400)}…` : text;
}
