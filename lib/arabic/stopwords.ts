import { fold } from './normalize.ts';

/**
 * Arabic function words — prepositions, conjunctions, pronouns, particles, demonstratives — that are
 * never a name, however they are written: what the reader's lexicon refuses as a spelling (issue #12:
 * «في» added as a spelling highlighted «في» everywhere) and the recogniser never proposes. Folded as
 * the matcher folds (أ → ا, ى → ي, ة → ه).
 */
const WORDS = `
في من الى إلى على عن مع منذ حتى عند لدى بين تحت فوق امام أمام خلف وراء دون ضد نحو حول عبر خلال بعد قبل
و او أو ثم بل لكن لكن لكن ام أم لا لم لن ما ماذا متى اين أين كيف هل قد لقد سوف كان كانت يكون تكون ليس
هو هي هم هن انا أنا نحن انت أنت انتم أنتم هما ذلك تلك هذا هذه هؤلاء اولئك أولئك الذي التي الذين اللذين
اللتين اللواتي اللاتي ان أن إن إنه انه انها أنها كما مثل غير سوى كل بعض جميع أي اي ايضا أيضا فقط حيث اذا إذا
لو لولا كي لكي لان لأن بان بأن عندما بينما فيما مما عما ممن كذلك هناك هنا الان الآن اليوم امس أمس غدا
يا اما أما إما الا ألا إلا وفق عليه عليها عليهم فيه فيها فيهم منه منها منهم له لها لهم به بها بهم اليه إليه اليها إليها
`;

/**
 * Folded on first use, not when the module loads: folding builds the folding tables, which the reader
 * takes ready-made from the shipped lexicon when it arrives (issue #16); built here at load, they cost
 * every Arabic page 30 ms before its lexicon had even come.
 */
let STOPWORDS: ReadonlySet<string> | undefined;

/** Is this text one Arabic function word (folded, as the matcher sees it)? */
export function isStopword(text: string): boolean {
  STOPWORDS ??= new Set(WORDS.split(/\s+/u).filter(Boolean).map(fold));
  return STOPWORDS.has(fold(text.trim()));
}
