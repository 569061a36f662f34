import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

// The architecture rules in eslint.config.mjs, run through ESLint itself: each snippet is linted as
// if it lived at the given path, so a block that silently replaces another block's rule shows here.
// ESLint loads its config with a dynamic import, which jest's module sandbox refuses, so the linting
// runs in a plain Node child process. The snippets are not files on disk, which the TypeScript project
// service needs, so the few type-aware rules (none of them architectural) are off for them.
const root = resolve(__dirname, '..');
const lintInChild = `
  import { ESLint } from 'eslint';
  import { resolve } from 'node:path';
  import tseslint from 'typescript-eslint';
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const snippets = JSON.parse(input);
  const typeAware = Object.entries(tseslint.plugin.rules)
    .filter(([, rule]) => rule.meta.docs?.requiresTypeChecking)
    .map(([name]) => ['@typescript-eslint/' + name, 'off']);
  const eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } }, rules: Object.fromEntries(typeAware) },
  });
  const answers = [];
  for (const { path, code } of snippets) {
    const [result] = await eslint.lintText(code, { filePath: resolve(process.cwd(), path) });
    answers.push(result.messages.map((message) => message.ruleId + ': ' + message.message));
  }
  process.stdout.write(JSON.stringify(answers));
`;

const snippets: { path: string; code: string }[] = [];
let linted: Promise<string[][]> | undefined;

/** Queues a snippet; the first await lints every queued snippet in one child process. */
function messagesFor(path: string, code: string): () => Promise<string[]> {
  const index = snippets.push({ path, code }) - 1;
  return async () => {
    linted ??= Promise.resolve(
      JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', lintInChild], { cwd: root, input: JSON.stringify(snippets), encoding: 'utf8' })) as string[][],
    );
    return (await linted)[index]!;
  };
}

// Each case is queued when the file is collected, so that one child lints them all.
const mustFail: [string, string, string, string][] = [
  [
    'a workflow reaching another library by a relative path',
    'libs/workflows/src/duties/probe.ts',
    "import { UserEntity } from '../../../persistence/src/index';\nexport const probe = UserEntity;\n",
    'no-restricted-imports: .*@duban/\\* alias',
  ],
  [
    'the domain reaching another library by a relative path',
    'libs/domain/src/duties/probe.ts',
    "import { loadConfig } from '../../../config/src/index';\nexport const probe = loadConfig;\n",
    'no-restricted-imports: .*@duban/\\* alias',
  ],
  [
    'the contract reaching the domain by a relative path',
    'libs/contracts/src/probe.ts',
    "import type { DutyStatus } from '../../domain/src/index';\nexport type Probe = DutyStatus;\n",
    'no-restricted-imports: .*@duban/\\* alias',
  ],
  [
    'the API reaching a library by a libs/ path',
    'apps/api/src/probe.ts',
    "import { UserEntity } from '../../../libs/persistence/src/index';\nexport const probe = UserEntity;\n",
    'no-restricted-imports: .*@duban/\\* alias',
  ],
  [
    'a workflow using a Node built-in',
    'libs/workflows/src/duties/probe.ts',
    "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n",
    'no-restricted-imports: .*Node built-ins',
  ],
  ['the domain importing TypeORM', 'libs/domain/src/duties/probe.ts', "import { Entity } from 'typeorm';\nexport const probe = Entity;\n", 'no-restricted-imports: .*no framework'],
  [
    'the contract importing a package beside the domain',
    'libs/contracts/src/probe.ts',
    "import type { Pool } from 'pg';\nexport type Probe = Pool;\n",
    'no-restricted-imports: .*only @duban/domain',
  ],
  [
    "a workflow changing luxon's Settings",
    'libs/workflows/src/duties/probe.ts',
    "import { Settings } from 'luxon';\nSettings.defaultZone = 'utc';\n",
    'no-restricted-imports: .*process-wide',
  ],
  [
    'the domain calling DateTime.now()',
    'libs/domain/src/duties/probe.ts',
    "import { DateTime } from 'luxon';\nexport const probe = DateTime.now().toMillis();\n",
    'no-restricted-syntax: .*host zone',
  ],
  [
    'a workflow calling DateTime.local() without arguments',
    'libs/workflows/src/duties/probe.ts',
    "import { DateTime } from 'luxon';\nexport const probe = DateTime.local().year;\n",
    'no-restricted-syntax: .*read the clock',
  ],
  ['the domain calling Date.now()', 'libs/domain/src/duties/probe.ts', 'export const probe = Date.now();\n', 'no-restricted-syntax: .*does not read the clock'],
  [
    'the domain calling new Date() without arguments',
    'libs/domain/src/duties/probe.ts',
    'export const probe = new Date().getTime();\n',
    'no-restricted-syntax: .*does not read the clock',
  ],
];
const failing = mustFail.map(([name, path, code, expected]) => ({ name, answer: messagesFor(path, code), expected }));

const pureDateArithmetic = [
  "import { DateTime } from 'luxon';",
  "import { DUBAN_TIME_ZONE } from '@duban/domain';",
  "export const endOfDay = (at: number) => DateTime.fromMillis(at, { zone: DUBAN_TIME_ZONE }).endOf('day').toMillis();",
  'export const now = () => Date.now();',
  '',
].join('\n');
const passingWorkflow = messagesFor('libs/workflows/src/duties/probe.ts', pureDateArithmetic);
const passingDomain = messagesFor(
  'libs/domain/src/duties/probe.ts',
  "import { DateTime } from 'luxon';\nexport const endOfDay = (at: number, zone: string) => DateTime.fromMillis(at, { zone }).endOf('day').toMillis();\n",
);

describe('architecture lint rules', () => {
  jest.setTimeout(60_000);

  it.each(failing)('flag $name', async ({ answer, expected }) => {
    expect(await answer()).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${expected}`))]));
  });

  it("pass luxon's date arithmetic in an explicit zone, and a workflow's replayed Date.now()", async () => {
    expect(await passingWorkflow()).toEqual([]);
    expect(await passingDomain()).toEqual([]);
  });
});
