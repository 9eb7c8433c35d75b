/* global module -- a CommonJS config file, read by dependency-cruiser */
// The layers of Rasid, checked by `npm run lint:layers` (a step of `npm test`): a wrong import fails the
// gate. The picture they enforce is in README.md ("Project layout"):
//
//   lib/model        shared types and pure functions over them; imports nothing but itself and two leaves
//   lib/* (pure)     Arabic, lexicon, anchoring, exchange formats, pages, suggestions … (run in Node)
//   lib/db           Dexie: the database, opened only by the background (and tests, benches)
//   lib/browser      the only code of lib/ that touches the WebExtension APIs
//   components/      presentational Preact components: props in, markup out
//   entrypoints/     containers: they wire lib/ and components/ to a browser context
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules import each other in a circle: move the shared part into a module both can import.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      comment:
        'Folders import each other in a circle: one of them belongs below the other (or in lib/model).',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-below-ui',
      comment: 'lib/ is the core: it never imports components or entrypoints.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(components|entrypoints)/' },
    },
    {
      name: 'model-is-neutral',
      comment:
        'lib/model holds the shared types: it imports only itself, the lexicon schema and the selector types.',
      severity: 'error',
      from: { path: '^lib/model/' },
      to: {
        path: '^lib/',
        pathNot: '^lib/(model/|lexicon/schema\\.ts$|anchoring/match-quote\\.ts$)',
      },
    },
    {
      name: 'browser-apis-in-lib-browser',
      comment: 'Only lib/browser reaches the WebExtension APIs: everything else in lib/ runs in Node.',
      severity: 'error',
      from: { path: '^lib/', pathNot: '^lib/browser/' },
      to: { path: '(^|/)node_modules/(wxt/|webextension-polyfill|@wxt-dev/webextension-polyfill)' },
    },
    {
      name: 'dexie-in-lib-db',
      comment: 'The database lives in lib/db (issue #11: one route to the data).',
      severity: 'error',
      from: { pathNot: '^(lib/db/|bench/)' },
      to: { path: '(^|/)node_modules/dexie/' },
    },
    {
      name: 'db-only-in-background',
      comment:
        'Only the background (entrypoints/background, lib/background) opens the database; content scripts, extension pages and components ask it by message.',
      severity: 'error',
      from: { path: '^(components|entrypoints/(?!background/)|lib/(?!db/|background/))' },
      to: { path: '^lib/db/' },
    },
    {
      name: 'components-are-presentational',
      comment: 'Components take props: browser wiring and messages belong in entrypoints/.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^(lib/(browser|messages)/|node_modules/(wxt|webextension-polyfill))' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(\\.test\\.tsx?|\\.fixture\\.ts)$|^\\.wxt/|^\\.output/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // `virtual:` modules are made by the build's plugins.
    moduleSystems: ['es6'],
  },
};
