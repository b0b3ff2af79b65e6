// Portico's import boundaries, checked by `npm run check:boundaries` (part of `npm test`).
// Each rule says why it exists; a violation prints the rule's name, its comment and the import.
// Paths are relative to the repository root. A new feature needs no edit here: the feature rules
// match any folder under shared/features/ and site/src/features/.

// Modules the site may import from server code at run time: zod-free constants. Anything else
// from outside site/ would put server code (zod, the SDK) into the browser bundle.
const SITE_SAFE_SERVER_MODULES = ['^shared/features/[^/]+/constants\\.ts$', '^shared/constants\\.ts$'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'This import closes a cycle. Cycles make load order matter (a module sees another half-initialised) ' +
        'and weld features together so neither can move alone. Extract what both need into a third module.',
      // Type-only cycles count too: they still tie two modules' designs together.
      from: { path: '^(infra|functions|shared|site/src|local|test|bench)/' },
      to: { circular: true },
    },
    {
      name: 'domain-knows-no-http',
      severity: 'error',
      comment:
        'Domain modules hold the rules and throw domain errors (NotFound, Forbidden, Conflict...); only the ' +
        'handler wrapper in shared/http maps them to status codes, so event workers can reuse the domain ' +
        'without pretending to be HTTP. Throw a domain error instead of importing shared/http.',
      from: { path: '^shared/features/[^/]+/domain/' },
      to: { path: '^shared/http/' },
    },
    {
      name: 'domain-makes-no-requests',
      severity: 'error',
      comment:
        "A feature's domain decides; its data module (shared/features/<feature>/data.ts or data/) makes the " +
        'DynamoDB and S3 requests, built through the key builders of records.ts. Move the request into the ' +
        'data module and call it from the domain.',
      from: { path: '^shared/features/[^/]+/domain/' },
      to: { path: ['^node_modules/@aws-sdk/', '^shared/data/db\\.ts$', '^shared/data/transactions\\.ts$'] },
    },
    {
      name: 'feature-through-its-index',
      severity: 'error',
      comment:
        "A feature may use another feature only through that feature's index.ts, its public surface, so a " +
        'feature can reshape its internals without breaking its neighbours. Import shared/features/<other>/index.ts ' +
        '(and export what you need from there).',
      // A constants module may read another feature's constants directly: going through that feature's
      // index would pull its zod schemas into the site (constants-stay-site-safe guards those modules).
      from: { path: '^shared/features/([^/]+)/', pathNot: SITE_SAFE_SERVER_MODULES },
      to: {
        path: '^shared/features/[^/]+/',
        pathNot: ['^shared/features/$1/', '^shared/features/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'site-feature-through-its-index',
      severity: 'error',
      comment:
        "A site feature may use another site feature only through that feature's index.ts, for the same reason " +
        'as on the server: its components and hooks stay free to change. Import site/src/features/<other>/index.ts.',
      from: { path: '^site/src/features/([^/]+)/' },
      to: {
        path: '^site/src/features/[^/]+/',
        pathNot: ['^site/src/features/$1/', '^site/src/features/[^/]+/index\\.tsx?$'],
      },
    },
    {
      name: 'site-imports-only-types-and-constants-from-server',
      severity: 'error',
      comment:
        'The site runs in the browser: from server code it may take types (an `import type`, erased at build) ' +
        'and the zod-free constants modules (shared/features/*/constants.ts, shared/constants.ts). Any other ' +
        'import ships server code, zod or the SDK to every visitor. Use `import type`, or move the value to a ' +
        'constants module. (`import { type X }` counts as a real import: with verbatimModuleSyntax it stays ' +
        "in the JavaScript as `import {} from '...'` and loads the module.)",
      from: { path: '^site/' },
      to: {
        // Everything of ours outside site/: npm packages, Node's core modules and unresolvable names
        // (Astro's virtual modules) are not server code.
        pathNot: ['^site/', '(^|/)node_modules/', ...SITE_SAFE_SERVER_MODULES],
        dependencyTypesNot: ['core'],
        couldNotResolve: false,
        // Only imports that survive compilation: tsPreCompilationDeps 'specify' marks the erased ones.
        preCompilationOnly: false,
      },
    },
    {
      name: 'site-code-imports-no-node-modules',
      severity: 'error',
      comment:
        "site/src runs in the browser, where Node's modules (node:crypto, node:path...) do not exist. " +
        'site/tsconfig.json keeps the Node types for the server modules it checks, so this rule, not tsc, ' +
        'catches it. Use the web API (crypto.subtle, URL...) instead.',
      from: { path: '^site/src/' },
      to: { dependencyTypes: ['core'], preCompilationOnly: false },
    },
    {
      name: 'constants-stay-site-safe',
      severity: 'error',
      comment:
        'The site imports the constants modules at run time (site-imports-only-types-and-constants-from-server), ' +
        'so whatever they import ships to the browser too: they may import only other constants modules, and ' +
        "types. Keep zod, npm packages, Node's modules and other server code out of them.",
      from: { path: SITE_SAFE_SERVER_MODULES },
      to: { pathNot: SITE_SAFE_SERVER_MODULES, preCompilationOnly: false },
    },
    {
      name: 'handlers-import-only-shared',
      severity: 'error',
      comment:
        'A Lambda handler is a thin adapter over shared/ code: importing another handler, infra, local, the site, ' +
        "tests or benchmarks would bundle them into this route's Lambda, or couple two routes' deploys. Move " +
        'what both handlers need into shared/.',
      from: { path: '^functions/' },
      to: {
        pathNot: ['^shared/', '(^|/)node_modules/'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'no-unresolvable-imports',
      severity: 'error',
      comment:
        'This import names a module that does not exist. The other rules match resolved paths, so an import ' +
        'they cannot resolve would slip past all of them.',
      from: { path: '^(infra|functions|shared|site/src|local|test|bench)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // npm packages stay in the graph as leaves (the rules above see an import of zod) but are not
    // cruised themselves.
    doNotFollow: { path: ['(^|/)node_modules/'] },
    // Build output, local state and reports (see .gitignore): not our code.
    exclude: {
      path: [
        '^site/dist/',
        '^site/\\.astro/',
        '^cdk\\.out/',
        '^\\.portico/',
        '^\\.cognito/',
        '^\\.git/',
        '^(coverage|bench-results|test-results|shots)/',
      ],
    },
    moduleSystems: ['es6', 'cjs'],
    // See `import type` imports too, and mark which ones TypeScript erases (preCompilationOnly), so the
    // site rule can tell a type from a value. The transpile uses tsconfig.json's options, so
    // verbatimModuleSyntax decides what is erased, as it does for the real build.
    tsPreCompilationDeps: 'specify',
    // The server project: its options (allowImportingTsExtensions, module resolution, any `paths`) are
    // the ones our imports are written for. site/tsconfig.json differs only in libs and JSX.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      // Resolve npm packages by their `exports` map, as Node 24 and the bundlers do (zod/mini, ...).
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    // No cache: node_modules/.cache may be shared between worktrees.
    cache: false,
  },
};
