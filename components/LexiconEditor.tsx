import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { ReaderAliasRow, ReaderEntityRow, ReaderLexicon } from '../lib/model/reader-entity.ts';
import type { ImportResult } from '../lib/model/import-report.ts';
import type { Translator } from '../lib/i18n/i18n.ts';
import { subtypeName } from '../lib/i18n/subtypes.ts';
import type { Entity } from '../lib/lexicon/schema.ts';
import { ACTOR_SUBTYPES, PLACE_SUBTYPES, type EntityType, type Subtype } from '../lib/lexicon/schema.ts';
import type { NameProblem } from '../lib/reader-lexicon/check-name.ts';
import { ExportButton, ImportControl } from './ExchangeControls.tsx';

export interface LexiconActions {
  create(name: string, type: EntityType): Promise<void>;
  save(entity: ReaderEntityRow): Promise<void>;
  deleteEntity(id: string): Promise<void>;
  deleteAlias(id: string): Promise<void>;
  /** Switches a bundled spelling off (the reader's lexicon: an `off` spelling). */
  switchOff(entity: string, text: string): Promise<void>;
  /** Offers the lexicon as a file; resolves with its name. */
  exportFile(): Promise<string>;
  /** Imports a lexicon file: Rasid's JSON, or a CSV of names. */
  importFile(text: string): Promise<ImportResult>;
  /** Cards open on hover, or on a click only (a setting of every page). */
  setHoverCards(on: boolean): Promise<void>;
}

interface Props {
  i18n: Translator;
  lexicon: ReaderLexicon;
  /** The Arabic name of any entity, bundled or the reader's. */
  nameOf(id: string): string;
  /** Why a name cannot be (or be renamed to) an entity; `self` is the entity being edited. */
  checkName(name: string, self?: string): NameProblem | null;
  /** The bundled entities that answer a search, best first. */
  searchBundled(query: string): readonly Entity[];
  /** The spellings switched off, by entity and folded text: `keyOf` folds a spelling the same way. */
  offSpellings: ReadonlyMap<string, ReaderAliasRow>;
  keyOf(entity: string, text: string): string;
  hoverCards: boolean;
  actions: LexiconActions;
}

/** Spellings typed in one field: split at commas, Arabic or Latin. */
const splitSpellings = (text: string) =>
  text
    .split(/[,،]/u)
    .map((s) => s.trim())
    .filter(Boolean);

/** A failed change, said where it was made. */
const failure = (e: unknown) => (e as Error).message;

/**
 * The options page (issue 15 §6): the reader's own entities and spellings, checked before they are
 * saved, deleted after a confirmation; the bundled lexicon, searched and browsed read-only, with its
 * spellings switched off and on; import (JSON or CSV) and export; and when names' cards open.
 */
export function LexiconEditor(props: Props) {
  const { i18n, lexicon, nameOf, actions } = props;
  const { t } = i18n;
  const [query, setQuery] = useState('');
  /** Shows an entity the reader's name collides with: a bundled one in the browser below, or their own. */
  const show = (problem: Extract<NameProblem, { code: 'exists' }>) => {
    if (problem.bundled) setQuery(problem.entity.ar);
    requestAnimationFrame(() =>
      document
        .getElementById(problem.bundled ? 'bundled' : `entity-${problem.entity.id}`)
        ?.scrollIntoView({ block: 'start' }),
    );
  };
  return (
    <main class="lexicon-editor">
      <h1>{t('lexiconTitle')}</h1>
      <p>{t('lexiconIntro')}</p>
      <HoverSetting i18n={i18n} on={props.hoverCards} onChange={(on) => void actions.setHoverCards(on)} />
      <section aria-labelledby="yours-title">
        <h2 id="yours-title">{t('yourEntities')}</h2>
        <AddEntity i18n={i18n} checkName={props.checkName} actions={actions} onShow={show} />
        {lexicon.entities.length ? (
          <ul class="entities">
            {lexicon.entities.map((e) => (
              <EntityRow
                key={`${e.id}-${e.modified ?? e.created}`}
                i18n={i18n}
                entity={e}
                checkName={props.checkName}
                actions={actions}
                onShow={show}
              />
            ))}
          </ul>
        ) : (
          <p class="empty">{t('noReaderEntities')}</p>
        )}
      </section>
      <section aria-labelledby="spellings-title">
        <h2 id="spellings-title">{t('spellings')}</h2>
        {lexicon.aliases.length ? (
          <ul class="aliases">
            {lexicon.aliases.map((a) => (
              <li key={a.id} data-alias={a.id} data-action={a.action}>
                <bdi lang="ar">{a.text}</bdi> ·{' '}
                {a.action === 'add' ? t('spellingAddedTo') : t('spellingOffFor')}{' '}
                <bdi>{nameOf(a.entity)}</bdi>{' '}
                <ConfirmDelete
                  i18n={i18n}
                  question={t('confirmDeleteSpelling', { spelling: a.text })}
                  onDelete={() => actions.deleteAlias(a.id)}
                />
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t('noSpellings')}</p>
        )}
      </section>
      <BundledBrowser {...props} query={query} onQuery={setQuery} />
      <section class="exchange" aria-labelledby="exchange-title">
        <h2 id="exchange-title">{t('lexiconFiles')}</h2>
        <ExportButton i18n={i18n} label={t('exportLexicon')} onExport={actions.exportFile} />
        <ImportControl
          i18n={i18n}
          title={t('importLexiconTitle')}
          accept=".json,.csv,application/json,text/csv"
          onImport={actions.importFile}
        >
          <p class="hint">{t('csvHint')}</p>
        </ImportControl>
      </section>
    </main>
  );
}

/** Cards on hover, or on a click only. */
function HoverSetting({
  i18n: { t },
  on,
  onChange,
}: {
  i18n: Translator;
  on: boolean;
  onChange(on: boolean): void;
}) {
  return (
    <fieldset class="hover-setting">
      <legend>{t('cardsOpen')}</legend>
      {([true, false] as const).map((value) => (
        <label key={String(value)}>
          <input
            type="radio"
            name="hover-cards"
            value={value ? 'hover' : 'click'}
            checked={on === value}
            onChange={() => onChange(value)}
          />{' '}
          {t(value ? 'cardsOnHover' : 'cardsOnClick')}
        </label>
      ))}
    </fieldset>
  );
}

/** What is wrong with a name, in words, with a way to the entity it already is. */
function NameProblemText({
  i18n: { t },
  problem,
  onShow,
}: {
  i18n: Translator;
  problem: NameProblem;
  onShow(problem: Extract<NameProblem, { code: 'exists' }>): void;
}) {
  let text: ComponentChildren;
  switch (problem.code) {
    case 'empty':
      text = t('nameEmpty');
      break;
    case 'too-long':
      text = t('nameTooLong', { max: problem.max });
      break;
    case 'common':
      text = t('nameCommon');
      break;
    case 'exists':
      text = (
        <>
          {t(problem.bundled ? 'nameInLexicon' : 'nameYours', {
            name: problem.entity.en ? `${problem.entity.ar} — ${problem.entity.en}` : problem.entity.ar,
          })}{' '}
          <a
            href={problem.bundled ? '#bundled' : `#entity-${problem.entity.id}`}
            data-testid="show-existing"
            onClick={(e) => {
              e.preventDefault();
              onShow(problem);
            }}
          >
            {t('showIt')}
          </a>
        </>
      );
  }
  return (
    <p role="alert" class="problem" data-testid="name-problem" data-problem={problem.code}>
      {text}
    </p>
  );
}

function AddEntity({
  i18n,
  checkName,
  actions,
  onShow,
}: {
  i18n: Translator;
  checkName: Props['checkName'];
  actions: LexiconActions;
  onShow(problem: Extract<NameProblem, { code: 'exists' }>): void;
}) {
  const { t } = i18n;
  const [name, setName] = useState('');
  const [type, setType] = useState<EntityType>('actor');
  const [problem, setProblem] = useState<NameProblem | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="add-entity"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        const found = checkName(name);
        setProblem(found);
        if (!found)
          void actions.create(name, type).then(
            () => setName(''),
            (x: unknown) => setError(failure(x)),
          );
      }}
    >
      <input
        name="new-name"
        dir="auto"
        aria-label={t('entityName')}
        aria-invalid={!!problem}
        placeholder={t('entityName')}
        value={name}
        onInput={(e) => {
          setName(e.currentTarget.value);
          setProblem(null);
        }}
      />
      <TypeSelect i18n={i18n} value={type} onChange={setType} />
      <button type="submit">{t('addEntity')}</button>
      {problem && <NameProblemText i18n={i18n} problem={problem} onShow={onShow} />}
      {error && (
        <p role="alert" class="problem">
          {t('changeFailed', { message: error })}
        </p>
      )}
    </form>
  );
}

/** A delete button that asks first, in place: what goes, and Delete or Cancel. */
function ConfirmDelete({
  i18n: { t },
  question,
  onDelete,
}: {
  i18n: Translator;
  question: string;
  onDelete(): Promise<void>;
}) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!asking)
    return (
      <button type="button" class="delete" onClick={() => setAsking(true)}>
        {t('delete')}
      </button>
    );
  return (
    <span class="confirm" role="group" aria-label={question}>
      <span>{question}</span>{' '}
      <button
        type="button"
        class="confirm-delete"
        onClick={() => void onDelete().catch((e: unknown) => setError(failure(e)))}
      >
        {t('delete')}
      </button>{' '}
      <button type="button" class="cancel" onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
      {error && <span role="alert">{t('changeFailed', { message: error })}</span>}
    </span>
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
  checkName,
  actions,
  onShow,
}: {
  i18n: Translator;
  entity: ReaderEntityRow;
  checkName: Props['checkName'];
  actions: LexiconActions;
  onShow(problem: Extract<NameProblem, { code: 'exists' }>): void;
}) {
  const { t, lang } = i18n;
  const [draft, setDraft] = useState({
    name: entity.name,
    en: entity.en ?? '',
    type: entity.type,
    subtype: entity.subtype ?? '',
    aliases: (entity.aliases ?? []).join('، '),
  });
  const [problem, setProblem] = useState<NameProblem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const subtypes: readonly Subtype[] = draft.type === 'actor' ? ACTOR_SUBTYPES : PLACE_SUBTYPES;
  return (
    <li data-entity={entity.id} id={`entity-${entity.id}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          const found = checkName(draft.name, entity.id);
          setProblem(found);
          if (found) return;
          void actions
            .save({
              ...entity,
              name: draft.name,
              en: draft.en.trim() || undefined,
              type: draft.type,
              subtype: subtypes.includes(draft.subtype as Subtype) ? (draft.subtype as Subtype) : undefined,
              aliases: splitSpellings(draft.aliases),
            })
            .catch((x: unknown) => setError(failure(x)));
        }}
      >
        <label>
          {t('entityName')}
          <input
            name="name"
            dir="auto"
            aria-invalid={!!problem}
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
        <ConfirmDelete
          i18n={i18n}
          question={t('confirmDeleteEntity', { name: entity.name })}
          onDelete={() => actions.deleteEntity(entity.id)}
        />
        {problem && <NameProblemText i18n={i18n} problem={problem} onShow={onShow} />}
        {error && (
          <p role="alert" class="problem">
            {t('changeFailed', { message: error })}
          </p>
        )}
      </form>
    </li>
  );
}

/** The bundled lexicon, searched (folded, Arabic or English) and read-only, but for switching spellings off and on. */
function BundledBrowser({
  i18n,
  searchBundled,
  offSpellings,
  keyOf,
  actions,
  query,
  onQuery,
}: Props & { query: string; onQuery(query: string): void }) {
  const { t, lang } = i18n;
  const found = query.trim() ? searchBundled(query) : [];
  const [error, setError] = useState<string | null>(null);
  const run = (change: Promise<void>) => {
    setError(null);
    void change.catch((e: unknown) => setError(failure(e)));
  };
  return (
    <section id="bundled" class="bundled" aria-labelledby="bundled-title">
      <h2 id="bundled-title">{t('bundledLexicon')}</h2>
      <p>{t('bundledIntro')}</p>
      <div class="filters">
        <input
          type="search"
          name="bundled-search"
          dir="auto"
          aria-label={t('searchBundled')}
          placeholder={t('searchBundled')}
          value={query}
          onInput={(e) => onQuery(e.currentTarget.value)}
        />
      </div>
      {error && (
        <p role="alert" class="problem">
          {t('changeFailed', { message: error })}
        </p>
      )}
      {query.trim() && !found.length && <p class="empty">{t('noMatch')}</p>}
      <ul class="bundled-entities">
        {found.map((e) => (
          <li key={e.id} data-bundled={e.id}>
            <p>
              <bdi lang="ar" class="name">
                {e.ar}
              </bdi>{' '}
              <bdi lang="en" class="en">
                {e.en}
              </bdi>{' '}
              <span class="kind">
                {t(e.type)} · {subtypeName(e.subtype, lang)}
              </span>
            </p>
            <ul class="spellings">
              {e.aliases.map((a) => {
                const off = offSpellings.get(keyOf(e.id, a.text));
                return (
                  <li key={a.text} data-spelling={a.text} data-off={off ? 'true' : 'false'}>
                    <bdi lang={a.lang ?? 'ar'} class={off ? 'off' : undefined}>
                      {a.text}
                    </bdi>{' '}
                    <button
                      type="button"
                      class="switch"
                      aria-pressed={!off}
                      aria-label={t(off ? 'switchOnSpelling' : 'switchOffSpelling', { spelling: a.text })}
                      onClick={() => run(off ? actions.deleteAlias(off.id) : actions.switchOff(e.id, a.text))}
                    >
                      {t(off ? 'switchOn' : 'switchOff')}
                    </button>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
