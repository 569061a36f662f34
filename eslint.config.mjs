// Lint rules that keep the architecture honest: workflows stay deterministic, the domain stays
// framework-free, and libraries are reached through their aliases, never by relative paths.
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

// A later block's `no-restricted-imports` replaces an earlier one for the files both match, so
// every block that sets the rule repeats these: no library reached by a relative or libs/ path.
const libraries = readdirSync(new URL('libs', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const libraryByPath = [
  { group: ['**/libs/*/src/**', '../**/libs/**'], message: 'Import a library through its @duban/* alias.' },
  {
    // From inside libs/<one>/src, another library is `../…/<other>/src/…`, with no `libs/` in it.
    regex: `^\\.{1,2}/(?:.*/)?(?:libs/|(?:${libraries.join('|')})/src(?:/|$))`,
    message: 'Import a library through its @duban/* alias.',
  },
];

// Luxon is pure date arithmetic, so the domain and workflows may use it, but not the parts that
// read the host: Settings changes every DateTime in the process, and now()/local() take the host's
// clock and zone (a workflow's Date is replayed; the host's zone differs from worker to worker).
const luxonGlobals = { name: 'luxon', importNames: ['Settings'], message: 'Luxon Settings are process-wide; pass a zone (DUBAN_TIME_ZONE) instead.' };
const hostDateTime = [
  {
    selector: "CallExpression[callee.object.name='DateTime'][callee.property.name='now']",
    message: 'DateTime.now() reads the host zone; take the time as an argument (or Date.now() in a workflow) and pass a zone.',
  },
  {
    selector: "CallExpression[callee.object.name='DateTime'][callee.property.name=/^(local|utc)$/][arguments.length=0]",
    message: 'DateTime.local()/utc() without arguments read the clock; take the time as an argument.',
  },
];
// The domain never reads the clock: callers pass `now`, so its answers repeat in tests and replays.
const domainClock = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The domain takes the time as an argument; it does not read the clock.' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The domain takes the time as an argument; it does not read the clock.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'webpack.config.js', 'jest.config.js', 'bench/jest.config.js', 'eslint.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Jest loads its test sequencer as CommonJS.
  {
    files: ['test/support/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts', 'apps/web/**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: libraryByPath }],
    },
  },
  {
    // The console: hooks used as React requires; the API's error bodies are read loosely.
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Workflow code is replayed: no I/O, no Node, nothing but the workflow API and the domain.
    files: ['libs/workflows/src/**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins.map((name) => ({ name, message: 'Workflows must not use Node built-ins; do I/O in an activity.' })), luxonGlobals],
          patterns: [
            ...libraryByPath,
            {
              group: ['@temporalio/*', '!@temporalio/workflow', '!@temporalio/common'],
              message: 'Workflows import only @temporalio/workflow (activities are imported as types).',
            },
            {
              group: ['@duban/*', '!@duban/domain', '!@duban/workflows'],
              message: 'Workflows import only @duban/domain; I/O belongs in activities.',
            },
            { group: ['typeorm', 'pg', 'nodemailer', '@nestjs/*'], message: 'No I/O or framework code in workflows.' },
          ],
        },
      ],
      'no-restricted-syntax': ['error', ...hostDateTime],
    },
  },
  {
    // The domain is pure TypeScript: no framework, no I/O, so it runs in workflows and unit tests alike.
    files: ['libs/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins.map((name) => ({ name, message: 'The domain is pure: no Node built-ins.' })), luxonGlobals],
          patterns: [
            ...libraryByPath,
            { group: ['@nestjs/*', '@temporalio/*', 'typeorm', 'pg', 'nodemailer', '@duban/*'], message: 'The domain imports no framework and no other library.' },
          ],
        },
      ],
      'no-restricted-syntax': ['error', ...hostDateTime, ...domainClock],
    },
  },
  {
    // The contract is types only, shared by the API and the console: nothing that runs, no framework.
    files: ['libs/contracts/src/**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'The contract is types only: no Node built-ins.' })),
          patterns: [...libraryByPath, { regex: '^(?!@duban/domain$|\\.{1,2}/)', message: 'The contract imports only @duban/domain (for its enumerations) and itself.' }],
        },
      ],
    },
  },
  {
    // A controller says what it answers (a contract type): the OpenAPI schemas are written from
    // these return types, so /docs and the console cannot drift from the code.
    files: [
      'apps/api/src/{duties,campaigns,saved-filters,health,progress,reports,compliance,inspections,units,unit-imports,users,departments,audit-log,auth,calendar,assessments,circulars}/**/*.controller.ts',
    ],
    rules: { '@typescript-eslint/explicit-function-return-type': 'error' },
  },
);
