import { describe, expect, it } from 'vitest';
import { compileLexicon } from '../lexicon/compile-lexicon.ts';
import { spotAnswer, type SpottedText } from '../lexicon/spot-texts.ts';
import type { MessageType, Reply, Request } from '../messages/protocol.ts';
import { err, ok } from '../model/result.ts';
import { localSpotter, type SpotRequest, type Spotter } from '../reader/spotter.ts';
import { testEntity } from '../../tests/support/test-entity.ts';
import { remoteSpotter } from './reading.ts';

// «الحسكة» is named only where the SDF is named too (on the page, in any text): a condition that
// looks at what was named, so the order texts are read in, and in which message, matters.
const SDF = testEntity('sdf', 'actor', [{ text: 'قسد' }]);
const HASAKAH = testEntity('hasakah', 'place', [{ text: 'الحسكة', when: { cooccurs: ['sdf'] } }]);
const LEXICON = compileLexicon({ entities: [SDF, HASAKAH] });

const TEXTS = ['في الحسكة اليوم', 'قالت قسد', 'وفي الحسكة أيضا', 'لا أحد'];

/** Runs a spotter as a page reader does, and keeps what it was given last, by index. */
async function run(spotter: Spotter, request: SpotRequest) {
  const out: SpottedText[] = [];
  await spotter(request, (i, spotted) => (out[i] = spotted), {
    between: async () => undefined,
    timed: (work) => work(),
  });
  return { out };
}

/** A background that spots as the extension's does, failing from message `failFrom` on. */
function background(failFrom = Infinity) {
  const asked: Request<'lexicon/spot'>[] = [];
  const send = async <K extends MessageType>(type: K, payload: Request<K>): Promise<Reply<K>> => {
    if (type !== 'lexicon/spot') return err(`unexpected ${type}`);
    const request = payload as Request<'lexicon/spot'>;
    asked.push(request);
    if (asked.length > failFrom) return err('the extension is reloading');
    return ok(JSON.stringify(spotAnswer(LEXICON, request))) as Reply<K>;
  };
  return { send, asked };
}

describe('remoteSpotter', () => {
  it('sends an article that fits in one message, read there as a page is', async () => {
    const request = { texts: TEXTS, context: new Set<string>() };
    const here = await run(localSpotter(LEXICON), request);
    const { send, asked } = background();
    const there = await run(
      remoteSpotter(send, async () => null),
      request,
    );
    expect(there.out).toEqual(here.out);
    expect(asked).toEqual([{ texts: TEXTS, context: [], reading: 'page' }]);
    // The first text's «الحسكة» rests on the SDF, named after it: found all the same.
    expect(there.out.map((t) => t.names.map((n) => n.entity.id))).toEqual([
      ['hasakah'],
      ['sdf'],
      ['hasakah'],
      [],
    ]);
  });

  it('reads a longer one across messages as it would be read in one: in order, then again where it must', async () => {
    const request = { texts: TEXTS, context: new Set<string>() };
    const here = await run(localSpotter(LEXICON), request);
    const { send, asked } = background();
    // At most 22 characters a message: one or two texts each.
    const there = await run(
      remoteSpotter(send, async () => null, 22),
      request,
    );
    expect(there.out).toEqual(here.out);
    expect(asked).toEqual([
      { texts: [TEXTS[0]], context: [], reading: 'in-order' },
      { texts: [TEXTS[1]], context: [], reading: 'in-order' },
      // Read with the names before them: the SDF, named in the second text, is context for the third.
      { texts: [TEXTS[2], TEXTS[3]], context: ['sdf'], reading: 'in-order' },
      { texts: [TEXTS[0]], context: ['sdf', 'hasakah'], reading: 'apart' },
    ]);
  });

  it('spots here when the background fails, and nothing when the page’s lexicon failed too', async () => {
    const request = { texts: TEXTS, context: new Set<string>() };
    const here = await run(localSpotter(LEXICON), request);
    const failing = background(1);
    const rescued = await run(
      remoteSpotter(failing.send, async () => localSpotter(LEXICON), 22),
      request,
    );
    expect(rescued.out).toEqual(here.out);
    expect(failing.asked).toHaveLength(2);

    const lost = await run(
      remoteSpotter(background(0).send, async () => null),
      request,
    );
    expect(lost.out).toEqual([]);
  });
});
