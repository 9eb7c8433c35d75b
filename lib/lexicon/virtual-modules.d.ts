declare module 'virtual:rasid-precompiled-lexicon' {
  /** A `SerializedLexicon` as JSON (see scripts/precompiled-lexicon-plugin.ts). */
  const serialized: string;
  export default serialized;
}
