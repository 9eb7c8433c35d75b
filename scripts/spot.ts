/**
 * `npm run spot -- [--json] FILE...` — the actors and places Rasid finds in text or HTML files.
 *
 * .txt files are spotted as they are; .html files go through Readability (linkedom) and their
 * article's text is spotted. Without --json: per file, each entity with its type, count and first
 * snippet. With --json: one JSON object per mention per line,
 * {"file","start","end","text","entity","type","name"}, start/end being UTF-16 offsets into the
 * analysed text (the file's own text for .txt). A file that cannot be read is one line on stderr;
 * the others go on. Exit status 1 when any file failed.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { compiledBundledLexicon } from '../lib/lexicon/bundled-lexicon.ts';
import { decodeText, htmlArticleText } from '../lib/lexicon/read-document.ts';
import { spot, type Mention } from '../lib/lexicon/spot.ts';
import { errorMessage } from '../lib/result.ts';

const { values, positionals: files } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help || files.length === 0) {
  console.error('usage: npm run spot -- [--json] FILE...   (.txt or .html)');
  process.exit(values.help ? 0 : 2);
}

const lexicon = compiledBundledLexicon();
let failed = false;

/** A one-line snippet around a mention. */
function snippet(text: string, m: Mention, width = 40): string {
  const from = Math.max(0, m.start - width);
  const to = Math.min(text.length, m.end + width);
  const squash = (s: string) => s.replace(/\s+/gu, ' ');
  return `${from > 0 ? '…' : ''}${squash(text.slice(from, m.start))}[${m.text}]${squash(text.slice(m.end, to))}${to < text.length ? '…' : ''}`;
}

function report(file: string, text: string, mentions: Mention[]): void {
  if (values.json) {
    for (const m of mentions) {
      const { entity } = m.alias;
      const line = {
        file,
        start: m.start,
        end: m.end,
        text: m.text,
        entity: entity.id,
        type: entity.type,
        name: entity.ar,
      };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
    return;
  }
  const byEntity = new Map<string, Mention[]>();
  for (const m of mentions) byEntity.set(m.alias.entity.id, [...(byEntity.get(m.alias.entity.id) ?? []), m]);
  const groups = [...byEntity.values()].sort(
    (a, b) => a[0]!.alias.entity.type.localeCompare(b[0]!.alias.entity.type) || b.length - a.length,
  );
  const actors = groups.filter((g) => g[0]!.alias.entity.type === 'actor').length;
  console.log(`${file}: ${actors} actors, ${groups.length - actors} places, ${mentions.length} mentions`);
  for (const group of groups) {
    const { entity } = group[0]!.alias;
    const label = `${entity.type}/${entity.subtype}`.padEnd(18);
    console.log(`  ${label} ${String(group.length).padStart(3)}×  ${entity.ar} (${entity.en})`);
    console.log(`  ${' '.repeat(24)}${snippet(text, group[0]!)}`);
  }
}

for (const file of files) {
  try {
    const decoded = decodeText(readFileSync(file));
    if (!decoded.ok) throw new Error(decoded.error);
    const text = /^\.html?$/iu.test(extname(file)) ? htmlArticleText(decoded.value) : decoded.value;
    report(file, text, spot(text, lexicon));
  } catch (e) {
    failed = true;
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : errorMessage(e);
    console.error(`spot: ${file}: ${reason}`);
  }
}
process.exitCode = failed ? 1 : 0;
