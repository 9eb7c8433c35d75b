import model from './model.json' with { type: 'json' };
import { decodeModel, type ModelFile, type Tagger } from './tagger.ts';

let decoded: Tagger | undefined;

/**
 * The bundled model (`model.json`, trained by `npm run train:recogniser`), decoded on first use and
 * kept for the life of the process or page: a page that never asks for suggestions pays nothing
 * but the parse of the JSON's few long strings.
 */
export function bundledTagger(): Tagger {
  return (decoded ??= decodeModel(model as ModelFile));
}
