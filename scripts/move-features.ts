/**
 * Gives each feature one folder name in every layer (issue 16, item 3): duties, campaigns,
 * compliance, inspections, units, unit-imports, reports, progress, assessments, circulars, users,
 * and the supporting calendar, departments, audit-log, saved-filters and common.
 *
 * Re-runnable on any tree (`npx tsx scripts/move-features.ts`): it works from the table below and
 * the files it finds, not from their contents. A source that is gone or a target that already
 * exists is skipped with a message, so a second run moves nothing. Every relative import in the
 * code is resolved against the old layout and rewritten for the new one; repository paths named
 * in docs and config are substituted; the OpenAPI schema files are written again at the end.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');

/** A folder (ending in '/': all its files, merged into the target folder) or one file. */
type Move = readonly [from: string, to: string];

const domain = 'libs/domain/src/';
const workflows = 'libs/workflows/src/';
const worker = 'apps/worker/src/';
const repositories = 'libs/persistence/src/repositories/';
const entities = 'libs/persistence/src/entities/';
const api = 'apps/api/src/';
const pages = 'apps/web/src/pages/';
const contracts = 'libs/contracts/src/';

/** The names of a layer's flat files, each moved into the folder it is listed under. */
function intoFolders(base: string, folders: Record<string, string[]>): Move[] {
  return Object.entries(folders).flatMap(([folder, files]) => files.map((file): Move => [base + file, `${base}${folder}/${file}`]));
}

const MOVES: Move[] = [
  // The pure domain.
  [`${domain}duty/`, `${domain}duties/`],
  [`${domain}campaign/`, `${domain}campaigns/`],
  [`${domain}compliance/credit-code.ts`, `${domain}units/credit-code.ts`],
  [`${domain}compliance/unit-facts.ts`, `${domain}units/unit-facts.ts`],
  [`${domain}compliance/unit-compliance-status.ts`, `${domain}units/unit-compliance-status.ts`],
  [`${domain}compliance/unit-import.ts`, `${domain}unit-imports/unit-import.ts`],
  [`${domain}reports/assessment.ts`, `${domain}assessments/assessment.ts`],
  [`${domain}reports/circular.ts`, `${domain}circulars/circular.ts`],
  [`${domain}reports/campaign-progress.ts`, `${domain}progress/campaign-progress.ts`],

  // Workflows; the refusal helpers are shared by the campaign, assessment and compliance workflows.
  [`${workflows}campaign/workflow-failures.ts`, `${workflows}common/workflow-failures.ts`],
  [`${workflows}duty/`, `${workflows}duties/`],
  [`${workflows}campaign/`, `${workflows}campaigns/`],
  [`${workflows}assessment/circular-publication.workflow.ts`, `${workflows}circulars/circular-publication.workflow.ts`],
  [`${workflows}assessment/`, `${workflows}assessments/`],
  [`${workflows}units/`, `${workflows}unit-imports/`],
  [`${workflows}accounts/`, `${workflows}users/`],

  // The worker's activities; main.ts, duban-worker.ts and worker.module.ts stay at the top.
  ...intoFolders(worker, {
    duties: ['duty-activities.service.ts'],
    campaigns: ['campaign-activities.service.ts'],
    compliance: ['compliance-activities.service.ts'],
    'unit-imports': ['unit-import-activities.service.ts'],
    reports: ['reporting-activities.service.ts'],
    assessments: ['assessment-activities.service.ts'],
    users: ['account-activities.service.ts'],
    common: ['once-only-mail.ts', 'activity-failures.ts', 'set-aside-refused-rows.ts'],
  }),

  // Repositories and entities.
  ...intoFolders(repositories, {
    duties: ['duty.repository.ts', 'duty-comment.repository.ts', 'duty-evidence.repository.ts', 'duty-query.repository.ts'],
    campaigns: ['campaign.repository.ts', 'duty-matrix.repository.ts'],
    compliance: ['compliance.repository.ts', 'compliance-evidence.repository.ts', 'compliance-views.repository.ts'],
    inspections: ['inspection.repository.ts'],
    units: ['unit.repository.ts'],
    'unit-imports': ['unit-import.repository.ts'],
    reports: ['report.repository.ts', 'report-views.repository.ts'],
    assessments: ['assessment.repository.ts'],
    circulars: ['circular.repository.ts'],
    users: ['user.repository.ts', 'password-reset-link.repository.ts', 'sign-in-failure.repository.ts', 'sign-in-session.repository.ts', 'single-sign-on-attempt.repository.ts'],
    departments: ['department.repository.ts'],
    'audit-log': ['audit-log.repository.ts'],
    calendar: ['working-calendar.repository.ts'],
    'saved-filters': ['saved-filter.repository.ts'],
    common: ['email.repository.ts', 'idempotent-request.repository.ts', 'pg-errors.ts'],
  }),
  ...intoFolders(entities, {
    duties: ['duty.entity.ts', 'duty-comment.entity.ts', 'duty-escalation.entity.ts', 'duty-evidence.entity.ts', 'duty-reminder.entity.ts', 'duty-transition.entity.ts'],
    departments: ['department.entity.ts'],
    users: ['user.entity.ts'],
    common: ['email.entity.ts'],
  }),

  // The API. A folder's generated `<feature>.schemas.ts` is written again for its new folder.
  [`${api}inspection-cases/inspection-cases.controller.ts`, `${api}inspections/inspections.controller.ts`],
  [`${api}inspection-cases/inspection-cases.service.ts`, `${api}inspections/inspections.service.ts`],
  [`${api}inspection-cases/`, `${api}inspections/`],
  [`${api}duty-views/`, `${api}duties/`],
  [`${api}duty-matrix/`, `${api}campaigns/`],
  [`${api}assessments/circulars.service.ts`, `${api}circulars/circulars.service.ts`],
  [`${api}assessments/circulars.controller.ts`, `${api}circulars/circulars.controller.ts`],

  // The shared contract, where a module is named after an API folder that moves (the OpenAPI
  // generator files a contract type under the API folder of its module's name).
  [`${contracts}inspection-cases.ts`, `${contracts}inspections.ts`],
  [`${contracts}inspection-cases/`, `${contracts}inspections/`],
  [`${contracts}duty-views.ts`, `${contracts}duties/duty-views.ts`],
  [`${contracts}duty-views/`, `${contracts}duties/`],
  [`${contracts}duty-matrix.ts`, `${contracts}campaigns/duty-matrix.ts`],
  [`${contracts}duty-matrix/`, `${contracts}campaigns/`],

  // The console. Administration stays one folder: its pages share its dialogs and types.
  [`${pages}duty-board/`, `${pages}duties/`],
  [`${pages}compliance/InspectionCasePage.tsx`, `${pages}inspections/InspectionCasePage.tsx`],
  [`${pages}compliance/InspectionCasesPage.tsx`, `${pages}inspections/InspectionCasesPage.tsx`],
  [`${pages}compliance/EnforcementActionDialog.tsx`, `${pages}inspections/EnforcementActionDialog.tsx`],
  [`${pages}compliance/UnitImportsPage.tsx`, `${pages}unit-imports/UnitImportsPage.tsx`],
  [`${pages}compliance/UnitPage.tsx`, `${pages}units/UnitPage.tsx`],
  [`${pages}compliance/UnitsPage.tsx`, `${pages}units/UnitsPage.tsx`],
];

/** Where relative imports are rewritten. */
const CODE_ROOTS = ['apps/', 'libs/', 'test/', 'scripts/', 'bench/'];
const CODE_FILE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
/** Where repository paths are substituted as plain text. */
const TEXT_FILE = /(\.(md|json|ts|tsx|js|mjs|cjs|ya?ml)|Dockerfile)$/;
/** Recorded data (stack traces in workflow histories) and the lock file are not text to edit. */
const NOT_TEXT = [/^scripts\/move-features\.ts$/, /^package-lock\.json$/, /^test\/replay\/histories\//, /(^|\/)node_modules\//];

function git(...args: string[]): string {
  // Another git process (an editor's, a status line's) may hold the index for a moment: wait for it.
  for (let attempt = 1; ; attempt++) {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '');
      if (!stderr.includes('index.lock') || attempt === 50) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

const tracked = git('ls-files', '-z')
  .split('\0')
  .filter((f) => f && existsSync(path.join(ROOT, f)));
const trackedSet = new Set(tracked);

/** The file moves of the table, each file once (earlier, more particular rows win). */
function planMoves(): Map<string, string> {
  const plan = new Map<string, string>();
  const targets = new Set<string>();
  const take = (from: string, to: string): void => {
    if (plan.has(from)) return;
    if (existsSync(path.join(ROOT, to)) || targets.has(to)) {
      console.log(`skip ${from}: ${to} already exists`);
      return;
    }
    plan.set(from, to);
    targets.add(to);
  };
  for (const [from, to] of MOVES) {
    if (from.endsWith('/')) {
      const files = tracked.filter((f) => f.startsWith(from));
      if (files.length === 0) console.log(`skip ${from}: not there (moved already, or never made)`);
      for (const file of files) take(file, to + file.slice(from.length));
      continue;
    }
    if (!trackedSet.has(from)) {
      console.log(`skip ${from}: not there (moved already, or never made)`);
      continue;
    }
    take(from, to);
    // A file moves with its spec.
    const spec = from.replace(/(\.tsx?)$/, '.spec$1');
    if (trackedSet.has(spec)) take(spec, to.replace(/(\.tsx?)$/, '.spec$1'));
  }
  return plan;
}

const RESOLVE_EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'];

function isFile(file: string): boolean {
  if (trackedSet.has(file)) return true;
  const full = path.join(ROOT, file);
  return existsSync(full) && statSync(full).isFile();
}

/** The file a relative specifier names from `fromFile` (repository paths), and how it was named. */
function resolveSpecifier(fromFile: string, specifier: string): { file: string; via: 'exact' | 'added' | 'js-for-ts' | 'index' } | null {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  const jsLike = /\.(m|c)?js$/.exec(base);
  if (jsLike) {
    const stem = base.slice(0, -jsLike[0].length);
    for (const ext of jsLike[1] ? [`.${jsLike[1]}ts`] : ['.ts', '.tsx']) if (isFile(stem + ext)) return { file: stem + ext, via: 'js-for-ts' };
  }
  if (isFile(base)) return { file: base, via: 'exact' };
  for (const ext of RESOLVE_EXTENSIONS) if (isFile(base + ext)) return { file: base + ext, via: 'added' };
  for (const ext of RESOLVE_EXTENSIONS) if (isFile(`${base}/index${ext}`)) return { file: `${base}/index${ext}`, via: 'index' };
  return null;
}

function relativeSpecifier(fromFile: string, toFile: string): string {
  const rel = path.posix.relative(path.posix.dirname(fromFile), toFile);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** The specifier that names `target` (new path) from `file` (new path), in the old one's style. */
function restyle(file: string, target: string, resolved: NonNullable<ReturnType<typeof resolveSpecifier>>, specifier: string): string {
  switch (resolved.via) {
    case 'exact':
      return relativeSpecifier(file, target);
    case 'added':
      return relativeSpecifier(file, target.replace(/(\.d)?\.[a-z]+$/, ''));
    case 'js-for-ts': {
      const jsExt = /\.(m|c)?js$/.exec(specifier)![0];
      return relativeSpecifier(file, target.replace(/\.[a-z]+$/, jsExt));
    }
    case 'index': {
      const indexSuffix = /\/index(\.d)?\.[a-z]+$/;
      return relativeSpecifier(file, target.replace(indexSuffix, ''));
    }
  }
}

/**
 * Import and export specifiers, side-effect imports, dynamic import(), require() and jest's module
 * functions: the quote and the specifier are groups 2 and 3.
 */
const SPECIFIER =
  /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire(?:\.resolve)?\s*\(\s*|\bjest\.(?:mock|doMock|unmock|dontMock|requireActual|requireMock|createMockFromModule)\s*\(\s*)(['"])(\.\.?(?:\/[^'"\n]*)?)\2/g;

/** The text of a code file with each relative specifier naming its target's new place. */
function rewriteImports(oldFile: string, text: string, plan: Map<string, string>): string {
  const newFile = plan.get(oldFile) ?? oldFile;
  return text.replace(SPECIFIER, (whole, lead: string, quote: string, specifier: string) => {
    const resolved = resolveSpecifier(oldFile, specifier);
    if (!resolved) return whole;
    const target = plan.get(resolved.file) ?? resolved.file;
    if (newFile === oldFile && target === resolved.file) return whole;
    return `${lead}${quote}${restyle(newFile, target, resolved, specifier)}${quote}`;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Repository paths (and the folders wholly moved) as plain text: old → new, longest first. */
function pathSubstitutions(plan: Map<string, string>): Array<[RegExp, string]> {
  const pairs = new Map<string, string>();
  for (const [from, to] of plan) {
    pairs.set(from, to);
    const stem = from.replace(/\.(tsx?|js)$/, '');
    if (stem !== from) pairs.set(stem, to.replace(/\.(tsx?|js)$/, ''));
  }
  for (const [from, to] of MOVES) {
    if (!from.endsWith('/')) continue;
    // Only a folder that is left empty is renamed in prose; a partly moved one keeps its name.
    const left = tracked.filter((f) => f.startsWith(from) && !plan.has(f));
    if (left.length || ![...plan.keys()].some((f) => f.startsWith(from))) continue;
    pairs.set(from.slice(0, -1), to.slice(0, -1));
  }
  return [...pairs.entries()].sort(([a], [b]) => b.length - a.length).map(([from, to]): [RegExp, string] => [new RegExp(`(?<![\\w./-])${escapeRegExp(from)}(?![\\w.-])`, 'g'), to]);
}

function substitutePaths(text: string, substitutions: Array<[RegExp, string]>): string {
  // One pass over all patterns at once, so that a substituted path is not substituted again.
  if (substitutions.length === 0) return text;
  const combined = new RegExp(substitutions.map(([re]) => `(${re.source})`).join('|'), 'g');
  return text.replace(combined, (...match: unknown[]) => {
    const groups = match.slice(1, substitutions.length + 1);
    const index = groups.findIndex((g) => g !== undefined);
    return substitutions[index]![1];
  });
}

/** Generated schema files named after a folder they no longer sit in (written again below). */
function staleSchemaFiles(): string[] {
  const files = git('ls-files', '-z', '--', 'apps/api/src').split('\0').filter(Boolean);
  return files.filter((f) => {
    const m = /^apps\/api\/src\/([^/]+)\/([^/]+)\.schemas\.ts$/.exec(f);
    if (!m || !existsSync(path.join(ROOT, f))) return false;
    const [, folder, name] = m;
    if (folder === 'common') return name !== 'shared';
    return name !== folder && readFileSync(path.join(ROOT, f), 'utf8').startsWith('// Written by scripts/generate-openapi-schemas.ts');
  });
}

function main(): void {
  const plan = planMoves();

  // Every edit is computed against the old layout before any file moves.
  const edits = new Map<string, string>();
  for (const file of tracked) {
    if (!CODE_ROOTS.some((r) => file.startsWith(r)) || !CODE_FILE.test(file) || NOT_TEXT.some((re) => re.test(file))) continue;
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const rewritten = rewriteImports(file, text, plan);
    if (rewritten !== text) edits.set(file, rewritten);
  }
  const substitutions = pathSubstitutions(plan);
  for (const file of tracked) {
    if (!TEXT_FILE.test(file) || NOT_TEXT.some((re) => re.test(file))) continue;
    const text = edits.get(file) ?? readFileSync(path.join(ROOT, file), 'utf8');
    const substituted = substitutePaths(text, substitutions);
    if (substituted !== text) edits.set(file, substituted);
  }

  // One git mv per pair of folders (files that keep their names), one per renamed file.
  const batches = new Map<string, string[]>();
  for (const [from, to] of plan) {
    const key = path.posix.basename(from) === path.posix.basename(to) ? `${path.posix.dirname(to)}/` : to;
    batches.set(key, [...(batches.get(key) ?? []), from]);
  }
  for (const [target, sources] of batches) {
    mkdirSync(path.join(ROOT, target.endsWith('/') ? target : path.posix.dirname(target)), { recursive: true });
    git('mv', '--', ...sources, target);
    for (const from of sources) console.log(`moved ${from} → ${plan.get(from)}`);
  }
  for (const [file, text] of edits) {
    writeFileSync(path.join(ROOT, plan.get(file) ?? file), text);
    console.log(`rewrote ${plan.get(file) ?? file}`);
  }

  for (const stale of staleSchemaFiles()) {
    git('rm', '-q', '-f', stale);
    rmSync(path.join(ROOT, stale), { force: true });
    console.log(`removed ${stale} (its folder's schemas are written again)`);
  }
  execFileSync('npm', ['run', '--silent', 'openapi:schemas'], { cwd: ROOT, stdio: 'inherit' });
  console.log(plan.size ? `${plan.size} files moved, ${edits.size} rewritten` : `nothing to move, ${edits.size} files rewritten`);
}

main();
