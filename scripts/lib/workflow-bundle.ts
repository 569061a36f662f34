import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

// Shared with the Nest webpack build so the aliases are declared once (tsconfig.base.json).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pathAliases } = require('../../webpack.config.js') as {
  pathAliases: (only?: string[]) => Record<string, string>;
};

/**
 * Bundles every workflow type with webpack. Only the domain and the workflows library are
 * aliased: a workflow that reaches for persistence or mail fails to bundle, as it should.
 */
export async function bundleDubanWorkflows(): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: path.join(REPO_ROOT, 'libs/workflows/src/workflows.ts'),
    webpackConfigHook: (config) => ({
      ...config,
      resolve: {
        ...config.resolve,
        alias: {
          ...(config.resolve?.alias as Record<string, string> | undefined),
          ...pathAliases(['@duban/domain', '@duban/workflows']),
        },
      },
    }),
    logger: { info() {}, warn: console.warn, error: console.error, debug() {}, trace() {}, log() {} },
  });
  return code;
}
