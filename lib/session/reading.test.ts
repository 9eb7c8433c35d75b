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

/** Runs a spotter as a page reader does, and keeps what it was given, by index. */
async function run(spotter: Spotter, request: SpotRequest) {
  const out: SpottedText[] = [];
  let tasks = 0;
  await spotter(request, (i, spotted) => (out[i] = spotted), {
    between: async () => undefined,
    timed: (work) => (tasks++, work()),
  });
  return { out, tasks };
}

/** A background that spots as the extension's does, failing from message `failFrom` on. */
function background(failFrom = Infinity) {
  const asked: Request<'lexicon/spot'>[] = [];
  const send = async <K extends MessageType>(type: K, payload: Request<K>): Promise<Reply<K>> => {
    if (type !== 'lexicon/spot') return err(`unexpected ${type}`);
    const request = payload as Request<'lexicon/spot'>;
    asked.push(request);
    if (asked.length > failFrom) return err('the extension is reloading');
    return ok(spotAnswer(LEXICON, request)) as Reply<K>;
  };
  return { send, asked };
}

describe('remoteSpotter', () => {
  it('finds what the page would find, in messages of a few texts, each carrying what was named before', async () => {
    for (const accumulate of [true, false]) {
      const request = { texts: TEXTS, context: new Set<string>(), accumulate };
      const here = await run(localSpotter(LEXICON), request);
      const { send, asked } = background();
      // At most 22 characters a message: one or two texts each.
      const there = await run(
        remoteSpotter(send, async () => null, 22),
        request,
      );
      expect(there.out).toEqual(here.out);
      expect(asked.map((a) => a.texts.length)).toEqual([1, 1, 2]);
      // Read with the names before them: the SDF, named in the second text, is context for the third.
      expect(asked.map((a) => a.context)).toEqual(accumulate ? [[], [], ['sdf']] : [[], [], []]);
    }
    // One message when the texts fit; the names the first text would miss are found once named.
    const { send, asked } = background();
    const all = await run(
      remoteSpotter(send, async () => null),
      {
        texts: TEXTS,
        context: new Set(['sdf']),
        accumulate: true,
      },
    );
    expect(asked).toHaveLength(1);
    expect(all.out.map((t) => t.names.map((n) => n.entity.id))).toEqual([
      ['hasakah'],
      ['sdf'],
      ['hasakah'],
      [],
    ]);
  });

  it('spots the rest here when the background fails, and nothing when the page’s lexicon failed too', async () => {
    const request = { texts: TEXTS, context: new Set<string>(), accumulate: true };
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
