// Nest CLI webpack hook for both apps. The tsconfig-paths plugin that Nest adds resolves `paths`
// from the app's tsconfig directory, not from tsconfig.base.json where they are declared, so
// the aliases are given to webpack directly, from the same single declaration.
const path = require('node:path');
const { readFileSync } = require('node:fs');

/** `@duban/x` → absolute path of its entry file, read from tsconfig.base.json. */
function pathAliases(only) {
  const base = JSON.parse(readFileSync(path.join(__dirname, 'tsconfig.base.json'), 'utf8'));
  const aliases = {};
  for (const [name, [target]] of Object.entries(base.compilerOptions.paths)) {
    if (only && !only.includes(name)) continue;
    aliases[`${name}$`] = path.join(__dirname, target);
  }
  return aliases;
}

module.exports = function dubanWebpackConfig(options) {
  return {
    ...options,
    resolve: { ...options.resolve, plugins: [], alias: { ...(options.resolve?.alias ?? {}), ...pathAliases() } },
  };
};
module.exports.pathAliases = pathAliases;
