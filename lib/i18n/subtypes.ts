import type { Subtype } from '../lexicon/schema.ts';
import type { Language } from './i18n.ts';

/** What each subtype is called, in both languages. */
const SUBTYPES: Record<Subtype, Record<Language, string>> = {
  person: { en: 'person', ar: 'شخص' },
  'armed-group': { en: 'armed group', ar: 'جماعة مسلحة' },
  state: { en: 'state', ar: 'دولة' },
  government: { en: 'government', ar: 'حكومة' },
  ministry: { en: 'ministry', ar: 'وزارة' },
  institution: { en: 'institution', ar: 'مؤسسة' },
  organization: { en: 'organization', ar: 'منظمة' },
  party: { en: 'party', ar: 'حزب' },
  company: { en: 'company', ar: 'شركة' },
  media: { en: 'media', ar: 'وسيلة إعلام' },
  country: { en: 'country', ar: 'بلد' },
  governorate: { en: 'governorate', ar: 'محافظة' },
  city: { en: 'city', ar: 'مدينة' },
  town: { en: 'town', ar: 'بلدة' },
  village: { en: 'village', ar: 'قرية' },
  district: { en: 'district', ar: 'حي' },
  region: { en: 'region', ar: 'منطقة' },
  base: { en: 'military base', ar: 'قاعدة عسكرية' },
  airport: { en: 'airport', ar: 'مطار' },
  'oil-field': { en: 'oil field', ar: 'حقل نفط' },
  road: { en: 'road', ar: 'طريق' },
  crossing: { en: 'border crossing', ar: 'معبر' },
  camp: { en: 'camp', ar: 'مخيم' },
  hospital: { en: 'hospital', ar: 'مشفى' },
  checkpoint: { en: 'checkpoint', ar: 'حاجز' },
  valley: { en: 'valley', ar: 'وادٍ' },
  mountain: { en: 'mountain', ar: 'جبل' },
  river: { en: 'river', ar: 'نهر' },
  desert: { en: 'desert', ar: 'بادية' },
  dam: { en: 'dam', ar: 'سد' },
  facility: { en: 'facility', ar: 'منشأة' },
};

export function subtypeName(subtype: string, lang: Language): string {
  return SUBTYPES[subtype as Subtype]?.[lang] ?? subtype;
}

export const SUBTYPE_KEYS = Object.keys(SUBTYPES);
