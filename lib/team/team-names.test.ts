import { describe, expect, it } from 'vitest';
import { bundledLexicon } from '../lexicon/bundled-lexicon.ts';
import { compileLexicon } from '../lexicon/compile-lexicon.ts';
import { spot } from '../lexicon/spot.ts';
import type { ReaderLexicon, TeamNameRow } from '../model/reader-entity.ts';
import { mergeLexicon } from '../reader-lexicon/merge-reader-lexicon.ts';
import { nameKey } from '../suggest/suggest-names.ts';
import { readTeamNameDoc, teamNameDoc, teamNames, type SharedName } from './team-names.ts';

const RANA = { by: 'rana', name: 'Rana' };
const OMAR = { by: 'omar', name: 'Omar' };
const T = Date.parse('2026-03-03T10:00:00Z');
const COMMANDER = { id: 'reader-1a2b', type: 'actor' as const, name: 'سليم الخطيب', created: T, modified: T };

/** A name as it comes back from the team: written by `teamNameDoc`, through JSON (as CouchDB stores it). */
const roundTrip = (name: SharedName, by = RANA, at = T) =>
  readTeamNameDoc(JSON.parse(JSON.stringify(teamNameDoc(name, by, at))) as unknown, T);

const none: ReaderLexicon = { entities: [], aliases: [] };

describe('the team’s name documents', () => {
  it('reads back an entity, a spelling and “not a name”, with who shared them and when', () => {
    expect(roundTrip({ kind: 'entity', entity: COMMANDER })).toEqual({
      id: `entity:${COMMANDER.id}`,
      kind: 'entity',
      by: RANA,
      created: T,
      entity: COMMANDER,
    });
    const alias = { id: 'a-1', entity: 'sdf', text: 'قوات سورية', action: 'add' as const, created: T };
    expect(roundTrip({ kind: 'alias', alias })).toMatchObject({ id: 'alias:a-1', kind: 'alias', alias });
    expect(roundTrip({ kind: 'not-a-name', key: nameKey('الطرفين'), text: 'الطرفين' })).toMatchObject({
      id: `not-a-name:${nameKey('الطرفين')}`,
      kind: 'not-a-name',
      dismissed: { key: nameKey('الطرفين'), text: 'الطرفين', created: T },
    });
  });

  it('keeps a hostile name as the string it is (rendered as text, never markup)', () => {
    const name = '<img src=x onerror=alert(1)>';
    expect(roundTrip({ kind: 'entity', entity: { ...COMMANDER, name } })).toMatchObject({
      entity: { name },
    });
  });

  it('leaves out a document with a wrong type, an overlong or control-character string, or an id it does not own', () => {
    /** A document as JSON gives it: loosely typed, as whatever a teammate's browser (or a hostile one) wrote. */
    type Loose = Record<string, unknown> & { entity: Record<string, unknown> };
    const doc = () =>
      JSON.parse(JSON.stringify(teamNameDoc({ kind: 'entity', entity: COMMANDER }, RANA, T))) as Loose;
    const bad: [string, (d: Loose) => void][] = [
      ['not a name document', (d) => (d.kind = 'annotation')],
      ['an entity type that is not actor or place', (d) => (d.entity.type = 'weapon')],
      ['a name of 10,000 letters', (d) => (d.entity.name = 'س'.repeat(10_000))],
      ['a control character', (d) => (d.entity.name = 'سليم\u0000الخطيب')],
      ['too many spellings', (d) => (d.entity.aliases = Array.from({ length: 60 }, (_, i) => `اسم ${i}`))],
      ['an id that is not a reader’s', (d) => (d.entity.id = 'sdf')],
      ['the id of another entity', (d) => (d._id = 'name:entity:reader-other')],
      ['a member without a name', (d) => (d.by = { by: 'rana' })],
      ['a date that is not one', (d) => (d.created = 'yesterday')],
      ['two names in one document', (d) => (d.notAName = { key: 'x', text: 'x' })],
    ];
    for (const [why, spoil] of bad) {
      const d = doc();
      spoil(d);
      expect(readTeamNameDoc(d, T), why).toBeNull();
    }
    const dismissal = JSON.parse(
      JSON.stringify(teamNameDoc({ kind: 'not-a-name', key: nameKey('الطرفين'), text: 'الطرفين' }, RANA, T)),
    );
    dismissal.notAName.key = 'كلمة أخرى';
    expect(readTeamNameDoc(dismissal, T), 'a key that is not its spelling’s').toBeNull();
  });
});

describe('the team’s names merged over a reader’s lexicon', () => {
  const entityRow = roundTrip({ kind: 'entity', entity: COMMANDER })!;
  const spot3 = (lexicon: ReaderLexicon, text: string) =>
    spot(text, compileLexicon({ entities: mergeLexicon(bundledLexicon.entities, lexicon) })).map(
      (m) => m.alias.entity.id,
    );

  it('highlights a teammate’s name as known, marked as the team’s with who added it', () => {
    const { lexicon } = teamNames([entityRow], none, []);
    const merged = mergeLexicon(bundledLexicon.entities, { ...none, team: lexicon });
    expect(merged.at(-1)).toMatchObject({
      id: COMMANDER.id,
      ar: 'سليم الخطيب',
      provenance: { source: 'team', by: 'Rana' },
    });
    expect(spot3({ ...none, team: lexicon }, 'وصل القائد سليم الخطيب إلى البلدة')).toContain(COMMANDER.id);
    expect(spot3(none, 'وصل القائد سليم الخطيب إلى البلدة')).not.toContain(COMMANDER.id);
  });

  it('drops the team’s “not a name” spellings from suggestions, unless the reader named them', () => {
    const dismissal = roundTrip({ kind: 'not-a-name', key: nameKey('كفرنبل'), text: 'كفرنبل' }, OMAR)!;
    expect(teamNames([dismissal], none, []).notNames).toEqual([nameKey('كفرنبل')]);
    const mine: ReaderLexicon = {
      entities: [{ id: 'reader-mine', type: 'place', name: 'كفرنبل', created: T }],
      aliases: [],
    };
    expect(teamNames([dismissal], mine, []).notNames).toEqual([]);
  });

  it('lets the reader’s own decisions win: their “not a name”, their spelling switch, their version of an entity', () => {
    // The reader said the team's entity is not a name: not highlighted for them.
    expect(teamNames([entityRow], none, [nameKey('سليم الخطيب')]).lexicon.entities).toEqual([]);
    // The reader switched a spelling off that a teammate added: off for the reader.
    const added = roundTrip({
      kind: 'alias',
      alias: { id: 'omar-1', entity: 'sdf', text: 'قوات سورية', action: 'add', created: T },
    })!;
    const switchedOff: ReaderLexicon = {
      entities: [],
      aliases: [{ id: 'mine-1', entity: 'sdf', text: 'قوات  سورية', action: 'off', created: T }],
    };
    expect(teamNames([added], switchedOff, []).lexicon.aliases).toEqual([]);
    expect(teamNames([added], none, []).lexicon.aliases).toHaveLength(1);
    // A teammate switched off a spelling the reader added: the reader keeps it.
    const off = roundTrip({
      kind: 'alias',
      alias: { id: 'omar-2', entity: 'isis', text: 'داعش', action: 'off', created: T },
    })!;
    const addedByMe: ReaderLexicon = {
      entities: [],
      aliases: [{ id: 'mine-2', entity: 'isis', text: 'داعش', action: 'add', created: T }],
    };
    expect(teamNames([off], addedByMe, []).lexicon.aliases).toEqual([]);
    // The reader's own copy of an entity (their edit of it) wins over the team's.
    const edited: ReaderLexicon = { entities: [{ ...COMMANDER, en: 'mine' }], aliases: [] };
    expect(teamNames([entityRow], edited, []).lexicon.entities).toEqual([]);
  });

  it('takes a teammate’s spelling off a bundled name for everyone who did not decide otherwise', () => {
    const off = roundTrip({
      kind: 'alias',
      alias: { id: 'omar-3', entity: 'isis', text: 'داعش', action: 'off', created: T },
    })!;
    const { lexicon } = teamNames([off], none, []);
    expect(spot3({ ...none, team: lexicon }, 'هاجم مقاتلو داعش مواقع قسد')).not.toContain('isis');
    expect(spot3(none, 'هاجم مقاتلو داعش مواقع قسد')).toContain('isis');
  });

  it('lists teammates’ names in the order they were added', () => {
    const later: TeamNameRow = {
      id: 'entity:reader-2',
      kind: 'entity',
      by: OMAR,
      created: T + 1,
      entity: { ...COMMANDER, id: 'reader-2', name: 'أبو محمد الجديد' },
    };
    const ids = teamNames([later, entityRow], none, []).lexicon.entities.map((e) => e.id);
    expect(ids).toEqual([COMMANDER.id, 'reader-2']);
  });
});
