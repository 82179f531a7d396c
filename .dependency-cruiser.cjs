/**
 * The dependency rules of docs/architecture.md, checked by `npm run check`:
 * the API layer knows nothing of the sync engine, the servers nothing of the extension,
 * pages go through lib/'s public entry points, and nothing imports in a circle.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Modules that import each other in a circle cannot be understood or tested one at a time.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'api-knows-no-sync',
      severity: 'error',
      comment: 'lib/eboekhouden is the e-Boekhouden API: it must not depend on the sync engine that uses it.',
      from: { path: '^lib/eboekhouden/' },
      to: { path: '^lib/sync/' },
    },
    {
      name: 'servers-know-no-extension',
      severity: 'error',
      comment: 'The proxy and the sandbox run on servers: they must not import the extension code in lib/.',
      from: { path: '^(proxy|sandbox)/' },
      to: { path: '^lib/' },
    },
    {
      name: 'pages-use-public-entry-points',
      severity: 'error',
      comment:
        'Entrypoints and components use lib/sync and lib/eboekhouden through their public entry points only, so their insides can change: index.ts, and lib/eboekhouden/types.ts (the domain records and VAT codes without the transports, which would add 90 KB to the options page).',
      from: { path: '^(entrypoints|components)/' },
      to: { path: '^lib/(sync|eboekhouden)/', pathNot: '^lib/(sync/index|eboekhouden/(index|types))\\.ts$' },
    },
    {
      name: 'extension-knows-no-tests',
      severity: 'error',
      comment: 'Shipped code never imports test helpers.',
      from: { path: '^(lib|entrypoints|components|proxy|sandbox)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.output|\\.wxt)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.vue', '.js', '.mjs', '.json'] },
  },
};
