import { expect } from 'vitest';

/**
 * An RFC 4180 reader, for the tests only: the records of `csv`, its fields unquoted. Written apart from
 * the writer, so that a quoting mistake in one is not repeated in the other.
 */
export function readCsv(csv: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    const next = csv[i + 1];
    if (quoted && c === '"' && next === '"') {
      field += '"';
      i++;
    } else if (c === '"' && (quoted || field === '')) {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endField();
    } else if (!quoted && c === '\r' && next === '\n') {
      endField();
      records.push(record);
      record = [];
      i++;
    } else {
      expect(quoted || (c !== '\r' && c !== '\n' && c !== '"'), `a bare ${JSON.stringify(c)} at ${i}`).toBe(
        true,
      );
      field += c;
    }
  }
  expect(quoted, 'an unclosed quote').toBe(false);
  expect(record.length + field.length, 'a last line without CRLF').toBe(0);
  return records;
}
