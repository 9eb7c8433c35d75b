declare module 'virtual:rasid-precompiled-lexicon' {
  const serialized: import('./serialize-lexicon.ts').SerializedLexicon;
  export default serialized;
}
