import type { CatalogEntry } from './translator.ts';

/**
 * The strings Rasid shows inside web pages — the name's card, the notices of a change made from it,
 * what the session says of an annotation — in English and Arabic. The reader, injected into every
 * Arabic page, ships these only, not the whole catalogue of its extension pages (35 KB, a fifth of
 * the reader; issue #16). `catalog.ts` spreads them into its own, so every page of the extension
 * speaks them too.
 */
export const pageEn = {
  actor: 'Actor',
  place: 'Place',
  mentionOf: 'Mention {index} of {count} on this page',
  spellingOff: 'Not a name: stop highlighting “{spelling}”',
  hide: 'Hide',
  previous: 'Previous mention',
  next: 'Next mention',
  close: 'Close',
  undo: 'Undo',
  articlePublished: 'In an article published {date}',
  yours: 'yours',
  staleAnnotation: 'This annotation was changed elsewhere since you opened it: here is its newer version.',
  spellingSwitchedOff: '“{spelling}” is no longer highlighted, on any page.',
  spellingAdded: '“{spelling}” is now highlighted on every page.',
  lexiconChanged: 'Your lexicon changed',
  teamNameBy: 'Added by {name} for the team',
  teamCardFrame: 'What your team saw of this name',
} satisfies Record<string, CatalogEntry>;

export type PageKey = keyof typeof pageEn;

export const pageAr: Record<PageKey, CatalogEntry> = {
  actor: 'فاعل',
  place: 'مكان',
  mentionOf: 'الإشارة {index} من {count} في هذه الصفحة',
  spellingOff: 'ليس اسمًا: أوقف إبراز «{spelling}»',
  hide: 'إخفاء',
  previous: 'الإشارة السابقة',
  next: 'الإشارة التالية',
  close: 'إغلاق',
  undo: 'تراجع',
  articlePublished: 'في مقال نُشر {date}',
  yours: 'من عندك',
  staleAnnotation: 'عُدِّل هذا التعليق في مكان آخر بعد أن فتحته: هذه نسخته الأحدث.',
  spellingSwitchedOff: 'لم تعد «{spelling}» تُبرَز في أي صفحة.',
  spellingAdded: 'صارت «{spelling}» تُبرَز في كل صفحة.',
  lexiconChanged: 'تغيّر معجمك',
  teamNameBy: 'أضافه {name} للفريق',
  teamCardFrame: 'ما رآه فريقك من هذا الاسم',
};
