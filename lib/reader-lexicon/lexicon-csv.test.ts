import { describe, expect, it } from 'vitest';
import { bundledLexicon } from '../lexicon/bundled-lexicon.ts';
import { nameIndex } from './check-name.ts';
import { parseLexiconCsv } from './lexicon-csv.ts';

const names = nameIndex(bundledLexicon.entities);
let n = 0;
const parse = (text: string) => parseLexiconCsv(text, 5, names, () => `reader-${++n}`);
const items = (text: string) => {
  const file = parse(text);
  if (!file.ok) throw new Error(JSON.stringify(file.error));
  return file.value.entities;
};

describe('parseLexiconCsv', () => {
  it('reads rows with a header, in any column order, with English and Arabic values', () => {
    n = 0;
    const rows = items(
      '\uFEFFtype,name,en,spellings\r\nactor,لواء الباقر,Al-Baqir Brigade,الباقر|لواء باقر\r\nمكان,قرية الشيخ مسكين,,\r\n',
    );
    expect(rows).toEqual([
      {
        index: 1,
        id: 'reader-1',
        row: {
          id: 'reader-1',
          type: 'actor',
          name: 'لواء الباقر',
          en: 'Al-Baqir Brigade',
          subtype: undefined,
          aliases: ['الباقر', 'لواء باقر'],
          created: 5,
          modified: 5,
        },
      },
      {
        index: 2,
        id: 'reader-2',
        row: {
          id: 'reader-2',
          type: 'place',
          name: 'قرية الشيخ مسكين',
          en: undefined,
          subtype: undefined,
          aliases: undefined,
          created: 5,
          modified: 5,
        },
      },
    ]);
  });

  it('reads rows without a header in the documented order; quoted cells keep commas and line breaks', () => {
    const rows = items('"لواء، الباقر",actor,"Baqir, the",armed-group\n"قرية\nجديدة",place\n');
    expect(rows.map((r) => ('row' in r ? [r.index, r.row.name, r.row.en, r.row.subtype] : r))).toEqual([
      [0, 'لواء، الباقر', 'Baqir, the', 'armed-group'],
      [1, 'قرية جديدة', undefined, undefined],
    ]);
  });

  it('gives every bad row its reason, numbered by its line, and keeps the good ones', () => {
    const rows = items(
      [
        'name,type',
        ',actor',
        'روسيا,place',
        'في,actor',
        'لواء الباقر,actor',
        'لواء  الباقر,actor',
        'كتيبة جديدة,group',
        `${'ب'.repeat(101)},actor`,
        '',
        'مخيم جديد,place',
      ].join('\n'),
    );
    expect(rows.map((r) => ('rejected' in r ? [r.index + 1, r.rejected] : [r.index + 1, 'ok']))).toEqual([
      [2, { code: 'name-empty' }],
      [3, { code: 'name-exists', ar: 'روسيا', en: 'Russia' }],
      [4, { code: 'name-common' }],
      [5, 'ok'],
      [6, { code: 'name-repeated', line: 5 }],
      [7, { code: 'bad-field', field: 'type' }],
      [8, { code: 'name-too-long', max: 100 }],
      [10, 'ok'],
    ]);
  });

  it('says a row it cannot read, and refuses a file with no row of names', () => {
    const rows = items('لواء الباقر,actor\n"مخيم "جديد,place\n');
    expect(rows[1]).toMatchObject({ index: 1, rejected: { code: 'csv-row' } });
    expect(parse('name,type\n\n')).toEqual({ ok: false, error: { code: 'no-rows' } });
  });
});
