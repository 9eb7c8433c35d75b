import { useState } from 'preact/hooks';
import type { ReaderEntityRow, ReaderLexicon } from '../lib/model/reader-entity.ts';
import type { ImportResult } from '../lib/model/import-report.ts';
import type { Translator } from '../lib/i18n/i18n.ts';
import { subtypeName } from '../lib/i18n/subtypes.ts';
import { ACTOR_SUBTYPES, PLACE_SUBTYPES, type EntityType, type Subtype } from '../lib/lexicon/schema.ts';
import { ExportButton, ImportControl } from './ExchangeControls.tsx';

export interface LexiconActions {
  create(name: string, type: EntityType): Promise<void>;
  save(entity: ReaderEntityRow): Promise<void>;
  deleteEntity(id: string): Promise<void>;
  deleteAlias(id: string): Promise<void>;
  /** Offers the lexicon as a file; resolves with its name. */
  exportFile(): Promise<string>;
  importFile(text: string): Promise<ImportResult>;
}

interface Props {
  i18n: Translator;
  lexicon: ReaderLexicon;
  /** The Arabic name of any entity, bundled or the reader's. */
  nameOf(id: string): string;
  actions: LexiconActions;
}

/** Spellings typed in one field: split at commas, Arabic or Latin. */
const splitSpellings = (text: string) =>
  text
    .split(/[,،]/u)
    .map((s) => s.trim())
    .filter(Boolean);

/** The options page: the reader's own entities and spellings, edited, exported and imported. */
export function LexiconEditor({ i18n, lexicon, nameOf, actions }: Props) {
  const { t } = i18n;
  const [name, setName] = useState('');
  const [type, setType] = useState<EntityType>('actor');
  return (
    <main class="lexicon-editor">
      <h1>{t('lexiconTitle')}</h1>
      <p>{t('lexiconIntro')}</p>
      <section>
        <h2>{t('yourEntities')}</h2>
        <form
          class="add-entity"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) void actions.create(name, type).then(() => setName(''));
          }}
        >
          <input
            name="new-name"
            dir="auto"
            aria-label={t('entityName')}
            placeholder={t('entityName')}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <TypeSelect i18n={i18n} value={type} onChange={setType} />
          <button type="submit">{t('addEntity')}</button>
        </form>
        {lexicon.entities.length ? (
          <ul class="entities">
            {lexicon.entities.map((e) => (
              <EntityRow
                key={`${e.id}-${e.modified ?? e.created}`}
                i18n={i18n}
                entity={e}
                actions={actions}
              />
            ))}
          </ul>
        ) : (
          <p class="empty">{t('noReaderEntities')}</p>
        )}
      </section>
      <section>
        <h2>{t('spellings')}</h2>
        {lexicon.aliases.length ? (
          <ul class="aliases">
            {lexicon.aliases.map((a) => (
              <li key={a.id} data-alias={a.id} data-action={a.action}>
                <bdi lang="ar">{a.text}</bdi> ·{' '}
                {a.action === 'add' ? t('spellingAddedTo') : t('spellingOffFor')}{' '}
                <bdi>{nameOf(a.entity)}</bdi>{' '}
                <button type="button" class="delete" onClick={() => void actions.deleteAlias(a.id)}>
                  {t('delete')}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t('noSpellings')}</p>
        )}
      </section>
      <section class="exchange">
        <ExportButton i18n={i18n} label={t('exportLexicon')} onExport={actions.exportFile} />
        <ImportControl i18n={i18n} title={t('importLexiconTitle')} onImport={actions.importFile} />
      </section>
    </main>
  );
}

function TypeSelect({
  i18n: { t },
  value,
  onChange,
}: {
  i18n: Translator;
  value: EntityType;
  onChange(type: EntityType): void;
}) {
  return (
    <select
      name="type"
      aria-label={t('entityType')}
      onChange={(e) => onChange(e.currentTarget.value as EntityType)}
    >
      {(['actor', 'place'] as const).map((type) => (
        <option key={type} value={type} selected={type === value}>
          {t(type)}
        </option>
      ))}
    </select>
  );
}

/** One of the reader's entities, editable in place. */
function EntityRow({
  i18n,
  entity,
  actions,
}: {
  i18n: Translator;
  entity: ReaderEntityRow;
  actions: LexiconActions;
}) {
  const { t, lang } = i18n;
  const [draft, setDraft] = useState({
    name: entity.name,
    en: entity.en ?? '',
    type: entity.type,
    subtype: entity.subtype ?? '',
    aliases: (entity.aliases ?? []).join('، '),
  });
  const subtypes: readonly Subtype[] = draft.type === 'actor' ? ACTOR_SUBTYPES : PLACE_SUBTYPES;
  return (
    <li data-entity={entity.id}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void actions.save({
            ...entity,
            name: draft.name,
            en: draft.en.trim() || undefined,
            type: draft.type,
            subtype: subtypes.includes(draft.subtype as Subtype) ? (draft.subtype as Subtype) : undefined,
            aliases: splitSpellings(draft.aliases),
          });
        }}
      >
        <label>
          {t('entityName')}
          <input
            name="name"
            dir="auto"
            value={draft.name}
            onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          />
        </label>
        <label>
          {t('englishName')}
          <input
            name="en"
            dir="ltr"
            value={draft.en}
            onInput={(e) => setDraft({ ...draft, en: e.currentTarget.value })}
          />
        </label>
        <TypeSelect
          i18n={i18n}
          value={draft.type}
          onChange={(type) => setDraft({ ...draft, type, subtype: '' })}
        />
        <select
          name="subtype"
          aria-label={t('allSubtypes')}
          onChange={(e) => setDraft({ ...draft, subtype: e.currentTarget.value })}
        >
          <option value="">—</option>
          {subtypes.map((s) => (
            <option key={s} value={s} selected={s === draft.subtype}>
              {subtypeName(s, lang)}
            </option>
          ))}
        </select>
        <label>
          {t('otherSpellings')}
          <input
            name="aliases"
            dir="auto"
            value={draft.aliases}
            onInput={(e) => setDraft({ ...draft, aliases: e.currentTarget.value })}
          />
        </label>
        <button type="submit" class="save">
          {t('save')}
        </button>
        <button type="button" class="delete" onClick={() => void actions.deleteEntity(entity.id)}>
          {t('delete')}
        </button>
      </form>
    </li>
  );
}
