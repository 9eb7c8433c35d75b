import { build } from 'rolldown';

/**
 * Bundles the in-page half of the benchmark (Rasid's reader, painter and lexicon included) into one
 * classic script, with rolldown — the bundler under Vite 8 and WXT — so that it can be injected into
 * any page without a module loader.
 */
export async function bundleForPage(entry: string): Promise<string> {
  const result = await build({
    input: entry,
    platform: 'browser',
    write: false,
    logLevel: 'warn',
    output: { format: 'iife' },
  });
  const chunk = result.output[0];
  if (!chunk.code) throw new Error(`rolldown produced no code for ${entry}`);
  return chunk.code;
}
