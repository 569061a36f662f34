/**
 * Writes the OpenAPI response schemas of every API route from the TypeScript types its
 * controller method returns (the view types next to each feature), so that the document and the
 * code cannot drift apart: `npm run openapi:schemas` after changing a view; `-- --check` fails
 * when a written file is out of date (the OpenAPI test runs it).
 *
 * Each feature folder gets `<feature>.schemas.ts` with the named view types declared in it (as
 * components) and the answers of its controllers' routes; types declared in the libs go to
 * apps/api/src/common/shared.schemas.ts. apps/api/src/common/openapi.ts puts them into the
 * served document.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..');
const API_SRC = join(ROOT, 'apps', 'api', 'src');
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HTTP_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);

type Schema = Record<string, unknown>;

interface Answer {
  statuses: number[];
  /** JSON body; absent when the route answers only files, a page or nothing. */
  schema?: Schema;
  /** The route may answer a file (StreamableFile): a table download or stored evidence. */
  file?: boolean;
  /** The route answers text (an HTML page). */
  text?: boolean;
  /** The content types the route names with @ApiProduces. */
  produces?: string[];
}

function controllerFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...controllerFiles(path));
    else if (entry.name.endsWith('.controller.ts')) found.push(path);
  }
  return found.sort();
}

function decoratorsOf(node: ts.Node): Array<{ name: string; args: readonly ts.Expression[] }> {
  if (!ts.canHaveDecorators(node)) return [];
  return (ts.getDecorators(node) ?? []).flatMap((d): Array<{ name: string; args: readonly ts.Expression[] }> => {
    const call = d.expression;
    if (ts.isCallExpression(call) && ts.isIdentifier(call.expression)) return [{ name: call.expression.text, args: call.arguments }];
    if (ts.isIdentifier(call)) return [{ name: call.text, args: [] }];
    return [];
  });
}

const CONTRACTS_SRC = join(ROOT, 'libs', 'contracts', 'src');

/**
 * The feature folder (under apps/api/src) a declaration belongs to: its own folder, or for the
 * shared contract (libs/contracts/src/<feature>.ts or <feature>/…) the API folder of that name;
 * null for the other libs and for contract modules no API folder is named after.
 */
function featureOf(fileName: string): string | null {
  const inContracts = relative(CONTRACTS_SRC, fileName);
  if (!inContracts.startsWith('..')) {
    const feature = inContracts.split(sep)[0]!.replace(/\.ts$/, '');
    return existsSync(join(API_SRC, feature)) ? feature : null;
  }
  const rel = relative(API_SRC, fileName);
  if (rel.startsWith('..')) return null;
  return rel.split(sep)[0] ?? null;
}

class SchemaWriter {
  /** component name → schema, and which feature file it is written to. */
  readonly components = new Map<string, { schema: Schema; feature: string }>();
  private readonly nameOf = new Map<ts.Symbol, string>();

  constructor(private readonly checker: ts.TypeChecker) {}

  toSchema(type: ts.Type, depth = 0): Schema {
    const { checker } = this;
    if (depth > 25) return {};
    // Instants the views convert from epoch milliseconds (apps/api/src/common/instants.ts).
    if (type.aliasSymbol?.getName() === 'IsoInstant') return { type: 'string', format: 'date-time' };
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (f & ts.TypeFlags.BooleanLiteral) return { type: 'boolean', enum: [checker.typeToString(type) === 'true'] };
    if (f & ts.TypeFlags.StringLiteral) return { type: 'string', enum: [(type as ts.StringLiteralType).value] };
    if (f & ts.TypeFlags.NumberLiteral) return { type: 'number', enum: [(type as ts.NumberLiteralType).value] };
    if (f & (ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral | ts.TypeFlags.StringMapping)) return { type: 'string' };
    if (f & ts.TypeFlags.Number) return { type: 'number' };
    if (f & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (f & ts.TypeFlags.Null) return { nullable: true };
    if (type.isUnion()) return this.union(type.types, depth);
    const symbolName = type.getSymbol()?.getName();
    if (symbolName === 'Date') return { type: 'string', format: 'date-time' };
    if (symbolName === 'Buffer' || symbolName === 'Uint8Array') return { type: 'string', format: 'binary' };
    if (checker.isArrayType(type)) {
      const [item] = checker.getTypeArguments(type as ts.TypeReference);
      return { type: 'array', items: item ? this.toSchema(item, depth + 1) : {} };
    }
    if (checker.isTupleType(type)) {
      const items = checker.getTypeArguments(type as ts.TypeReference).map((t) => this.toSchema(t, depth + 1));
      return { type: 'array', items: items.length === 1 ? items[0] : { anyOf: items }, minItems: items.length, maxItems: items.length };
    }
    if (f & ts.TypeFlags.Object || type.isIntersection()) {
      const named = this.namedSymbol(type);
      if (named) return { $ref: `#/components/schemas/${this.component(named, type, depth)}` };
      return this.object(type, depth);
    }
    return {};
  }

  private union(members: ts.Type[], depth: number): Schema {
    let nullable = false;
    const rest: ts.Type[] = [];
    for (const t of members) {
      if (t.flags & ts.TypeFlags.Null) nullable = true;
      else if (t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) continue;
      else if (t.getSymbol()?.getName() === 'StreamableFile') continue;
      else rest.push(t);
    }
    let schema: Schema;
    const bools = rest.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
    const others = rest.filter((t) => !(t.flags & ts.TypeFlags.BooleanLiteral));
    const parts: Schema[] = [];
    if (bools.length === 2) parts.push({ type: 'boolean' });
    else parts.push(...bools.map((t) => this.toSchema(t, depth)));
    const strings = others.filter((t) => t.flags & ts.TypeFlags.StringLiteral) as ts.StringLiteralType[];
    const numbers = others.filter((t) => t.flags & ts.TypeFlags.NumberLiteral) as ts.NumberLiteralType[];
    if (strings.length) parts.push({ type: 'string', enum: strings.map((t) => t.value) });
    if (numbers.length) parts.push({ type: 'number', enum: numbers.map((t) => t.value) });
    for (const t of others) if (!(t.flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral))) parts.push(this.toSchema(t, depth + 1));
    // A literal next to its wide type ('a' | string) is the wide type.
    const wide = new Set(parts.filter((p) => !p.enum && typeof p.type === 'string').map((p) => p.type));
    const kept = parts.filter((p) => !(p.enum && wide.has(p.type as string)));
    if (kept.length === 0) schema = {};
    else if (kept.length === 1) schema = kept[0]!;
    else schema = { anyOf: kept };
    if (!nullable) return schema;
    if (schema.$ref || schema.anyOf) return { nullable: true, allOf: [schema] };
    return { ...schema, nullable: true };
  }

  /** An interface, class or type alias of the project (not a generic instance): a component. */
  private namedSymbol(type: ts.Type): ts.Symbol | null {
    const alias = type.aliasSymbol;
    const candidate = alias && !type.aliasTypeArguments?.length ? alias : type.getSymbol();
    if (!candidate) return null;
    if (!alias && (type as ts.TypeReference).typeArguments?.length) return null;
    const name = candidate.getName();
    if (name.startsWith('__')) return null;
    const decl = candidate.getDeclarations()?.[0];
    if (!decl) return null;
    const file = decl.getSourceFile().fileName;
    if (file.includes('node_modules')) return null;
    if (!(ts.isInterfaceDeclaration(decl) || ts.isClassDeclaration(decl) || ts.isTypeAliasDeclaration(decl))) return null;
    return candidate;
  }

  private component(symbol: ts.Symbol, type: ts.Type, depth: number): string {
    const known = this.nameOf.get(symbol);
    if (known) return known;
    const decl = symbol.getDeclarations()![0]!;
    const feature = featureOf(decl.getSourceFile().fileName) ?? 'common';
    let name = symbol.getName();
    if (this.components.has(name)) name = `${name}_${feature.replace(/[^A-Za-z0-9]/g, '')}`;
    this.nameOf.set(symbol, name);
    const entry = { schema: {} as Schema, feature };
    this.components.set(name, entry);
    const doc = ts.displayPartsToString(symbol.getDocumentationComment(this.checker)).trim();
    entry.schema = { ...this.object(type, depth), ...(doc ? { description: doc } : {}) };
    return name;
  }

  private object(type: ts.Type, depth: number): Schema {
    const { checker } = this;
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const prop of checker.getPropertiesOfType(type)) {
      const decl = prop.valueDeclaration ?? prop.getDeclarations()?.[0];
      if (decl && (ts.isMethodDeclaration(decl) || ts.isMethodSignature(decl))) continue;
      const propType = checker.getTypeOfSymbol(prop);
      if (propType.getCallSignatures().length) continue;
      const optional = (prop.flags & ts.SymbolFlags.Optional) !== 0 || (propType.isUnion() && propType.types.some((t) => t.flags & ts.TypeFlags.Undefined));
      const schema = this.toSchema(propType, depth + 1);
      const doc = ts.displayPartsToString(prop.getDocumentationComment(checker)).trim();
      properties[prop.getName()] = doc && !schema.$ref ? { ...schema, description: doc } : schema;
      if (!optional) required.push(prop.getName());
    }
    const schema: Schema = { type: 'object', properties };
    if (required.length) schema.required = required;
    const index = checker.getIndexInfosOfType(type).find((i) => i.keyType.flags & ts.TypeFlags.String);
    if (index) schema.additionalProperties = this.toSchema(index.type, depth + 1);
    if (!Object.keys(properties).length) delete schema.properties;
    return schema;
  }
}

function answerOf(checker: ts.TypeChecker, writer: SchemaWriter, method: ts.MethodDeclaration, httpDecorator: string): Answer {
  const signature = checker.getSignatureFromDeclaration(method)!;
  const returned = checker.getReturnTypeOfSignature(signature);
  const type = checker.getAwaitedType(returned) ?? returned;
  const members = type.isUnion() ? type.types : [type];
  const isFile = (t: ts.Type) => t.getSymbol()?.getName() === 'StreamableFile';
  const isText = (t: ts.Type) => (t.flags & ts.TypeFlags.String) !== 0;
  const file = members.some(isFile);
  const text = members.some(isText);
  const json = members.filter((t) => !isFile(t) && !isText(t) && !(t.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)));
  const httpCode = decoratorsOf(method).find((d) => d.name === 'HttpCode');
  let statuses: number[];
  if (httpCode && ts.isNumericLiteral(httpCode.args[0]!)) statuses = [Number(httpCode.args[0]!.text)];
  else statuses = [httpDecorator === 'Post' ? 201 : 200];
  // `response.status(created ? 201 : 200)`: every status the method sets itself.
  const set = new Set<number>();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'status') {
      const collect = (n: ts.Node): void => {
        if (ts.isNumericLiteral(n)) set.add(Number(n.text));
        n.forEachChild(collect);
      };
      node.arguments.forEach(collect);
    }
    node.forEachChild(visit);
  };
  if (method.body) visit(method.body);
  if (set.size) statuses = [...set].sort();
  const answer: Answer = { statuses };
  if (json.length) answer.schema = json.length === 1 ? writer.toSchema(json[0]!) : writer.toSchema(type);
  if (file) answer.file = true;
  if (text) answer.text = true;
  const produces = producedTypes(checker, method);
  if (produces.length) answer.produces = produces;
  return answer;
}

/** JSON, with each object or array that fits on one line written on one line. */
/** The content types @ApiProduces(...) / ApiProducesTable(...) name, read from their (constant) arguments. */
function producedTypes(checker: ts.TypeChecker, method: ts.MethodDeclaration): string[] {
  const types: string[] = [];
  const literals = (type: ts.Type): string[] => {
    if (type.isStringLiteral()) return [type.value];
    if (checker.isTupleType(type) || checker.isArrayType(type)) return checker.getTypeArguments(type as ts.TypeReference).flatMap(literals);
    if (type.isUnion()) return type.types.flatMap(literals);
    return [];
  };
  for (const decorator of decoratorsOf(method)) {
    if (decorator.name === 'ApiProducesTable') types.push('application/json', 'text/csv', XLSX_TYPE);
    if (decorator.name !== 'ApiProduces' && decorator.name !== 'ApiProducesTable') continue;
    for (const arg of decorator.args) types.push(...literals(checker.getTypeAtLocation(ts.isSpreadElement(arg) ? arg.expression : arg)));
  }
  return [...new Set(types)];
}

function render(value: unknown, indent = ''): string {
  const flat = JSON.stringify(value);
  if (flat.length + indent.length <= 110 || value === null || typeof value !== 'object') return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + render(v, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${render(v, inner)}`);
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

function main(): void {
  const check = process.argv.includes('--check');
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const files = controllerFiles(API_SRC);
  const program = ts.createProgram(files, config.options);
  const checker = program.getTypeChecker();
  const writer = new SchemaWriter(checker);
  const answersByFeature = new Map<string, Record<string, Answer>>();
  for (const fileName of files) {
    const source = program.getSourceFile(fileName)!;
    for (const statement of source.statements) {
      if (!ts.isClassDeclaration(statement) || !statement.name) continue;
      if (!decoratorsOf(statement).some((d) => d.name === 'Controller')) continue;
      for (const member of statement.members) {
        if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
        const http = decoratorsOf(member).find((d) => HTTP_DECORATORS.has(d.name));
        if (!http) continue;
        const feature = featureOf(fileName)!;
        const answers = answersByFeature.get(feature) ?? {};
        answers[`${statement.name.text}_${member.name.text}`] = answerOf(checker, writer, member, http.name);
        answersByFeature.set(feature, answers);
      }
    }
  }
  const features = new Set([...answersByFeature.keys(), ...[...writer.components.values()].map((c) => c.feature)]);
  const outputs = new Map<string, string>();
  const index: string[] = [];
  for (const feature of [...features].sort()) {
    const fileBase = feature === 'common' ? 'shared' : feature;
    const path = join(API_SRC, feature, `${fileBase}.schemas.ts`);
    const schemas = Object.fromEntries(
      [...writer.components.entries()]
        .filter(([, c]) => c.feature === feature)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, c]) => [name, c.schema]),
    );
    const answers = answersByFeature.get(feature) ?? {};
    const ident = fileBase.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    outputs.set(
      path,
      [
        `// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the`,
        `// controllers return; do not edit by hand: change the view type and run it again.`,
        `import type { OpenApiAnswers, OpenApiSchemas } from '${feature === 'common' ? '.' : '../common'}/openapi-types';`,
        '',
        `export const ${ident}Schemas: OpenApiSchemas = ${render(schemas)};`,
        '',
        `export const ${ident}Answers: OpenApiAnswers = ${render(answers)};`,
        '',
      ].join('\n'),
    );
    index.push(`import { ${ident}Answers, ${ident}Schemas } from '../${feature}/${fileBase}.schemas';`);
  }
  const idents = [...features].sort().map((f) => (f === 'common' ? 'shared' : f).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()));
  outputs.set(
    join(API_SRC, 'common', 'openapi-schemas.ts'),
    [
      `// Written by scripts/generate-openapi-schemas.ts: every feature's response schemas and route answers.`,
      ...index.map((line) => line.replace("'../common/", "'./")),
      `import type { OpenApiAnswers, OpenApiSchemas } from './openapi-types';`,
      '',
      `export const responseSchemas: OpenApiSchemas = { ${idents.map((i) => `...${i}Schemas`).join(', ')} };`,
      '',
      `export const routeAnswers: OpenApiAnswers = { ${idents.map((i) => `...${i}Answers`).join(', ')} };`,
      '',
    ].join('\n'),
  );
  const stale: string[] = [];
  for (const [path, text] of outputs) {
    const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (current === text) continue;
    if (check) stale.push(relative(ROOT, path));
    else writeFileSync(path, text);
  }
  if (check && stale.length) {
    console.error(`Out of date (run npm run openapi:schemas): ${stale.join(', ')}`);
    process.exit(1);
  }
  console.log(`${[...answersByFeature.values()].reduce((n, a) => n + Object.keys(a).length, 0)} routes, ${writer.components.size} schemas${check ? ', up to date' : ''}`);
}

main();
