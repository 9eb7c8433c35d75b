/**
 * `npm run spot -- [--json] [--suggest] FILE...` — the actors and places Rasid finds in text or HTML files.
 *
 * .txt files are spotted as they are; .html files go through Readability (linkedom) and their
 * article's text is spotted. Without --json: per file, each entity with its type, count and first
 * snippet (and, with --suggest, the names Rasid does not know yet, apart). With --json: one JSON
 * object per mention per line,
 * {"file","start","end","text","entity","type","name","tier":"known"}, start/end being UTF-16
 * offsets into the analysed text (the file's own text for .txt); with --suggest also one line per
 * suggested name, {"file","start","end","text","type","kind","key","tier":"suggested"} (type
 * actor|place, kind person|place|organization, key the folded spelling).
 *
 * Text from files is never sent to the terminal raw: control characters (C0, DEL, C1, so ESC and
 * every escape sequence), line and paragraph separators and bidi embeddings, overrides and isolates
 * are printed as \u{…} (human output) or \uXXXX (JSON, which still parses to the same text).
 *
 * Exit status: 0 every file was read; 1 some file could not be read (one line on stderr each, the
 * others go on); 2 usage error (unknown option, no file). --help prints the usage and exits 0.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { compiledBundledLexicon } from '../lib/lexicon/bundled-lexicon.ts';
import { decodeText, htmlArticleText } from '../lib/article/read-document.ts';
import { spot, type Mention } from '../lib/lexicon/spot.ts';
import { errorMessage } from '../lib/model/result.ts';
import { bundledTagger } from '../lib/suggest/bundled-recogniser.ts';
import { suggestNames, type Suggestion } from '../lib/suggest/suggest-names.ts';

const USAGE = `usage: npm run spot -- [--json] [--suggest] FILE...   (.txt or .html)
  --json      one JSON object per name per line
  --suggest   also names Rasid does not know yet ("tier": "suggested")
  -h, --help  this help
exit status: 0 ok, 1 some file could not be read, 2 usage error`;

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        suggest: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    // parseArgs throws for an unknown option or a value given to a flag: one line, then the usage.
    const option = /'([^']*)'/u.exec(errorMessage(e))?.[1];
    const problem =
      (e as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option
        ? `unknown option ${option}`
        : errorMessage(e).split('. ')[0]!;
    process.stderr.write(`spot: ${escapeTerminal(problem)}\n${USAGE}\n`);
    process.exit(2);
  }
}

/** Characters a terminal would act on or reorder: C0 (but tab), DEL, C1, U+2028/9, bidi controls. */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are escaped
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** Human output: unsafe characters shown as \u{…}. */
export function escapeTerminal(s: string): string {
  return s.replace(UNSAFE, (c) => `\\u{${c.charCodeAt(0).toString(16).padStart(4, '0')}}`);
}

/** JSON output: unsafe characters as \uXXXX escapes (JSON.stringify leaves C1 and bidi controls raw). */
function jsonLine(value: object): string {
  return `${JSON.stringify(value).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

const { values, positionals: files } = parse();
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (files.length === 0) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

const lexicon = compiledBundledLexicon();
let failed = false;

/** A one-line snippet around a span, escaped for the terminal. */
function snippet(text: string, start: number, end: number, width = 40): string {
  const from = Math.max(0, start - width);
  const to = Math.min(text.length, end + width);
  const squash = (s: string) => escapeTerminal(s.replace(/\s+/gu, ' '));
  return `${from > 0 ? '…' : ''}${squash(text.slice(from, start))}[${squash(text.slice(start, end))}]${squash(text.slice(end, to))}${to < text.length ? '…' : ''}`;
}

/** Output is collected per file and written at once: one write per file, not one per line. */
function report(file: string, text: string, mentions: Mention[], suggestions: Suggestion[] | null): string {
  const out: string[] = [];
  if (values.json) {
    for (const m of mentions) {
      const { entity } = m.alias;
      out.push(
        jsonLine({
          file,
          start: m.start,
          end: m.end,
          text: m.text,
          entity: entity.id,
          type: entity.type,
          name: entity.ar,
          tier: 'known',
        }),
      );
    }
    for (const s of suggestions ?? [])
      out.push(
        jsonLine({
          file,
          start: s.start,
          end: s.end,
          text: s.text,
          type: s.type,
          kind: s.kind,
          key: s.key,
          tier: 'suggested',
        }),
      );
    return out.join('');
  }
  const name = escapeTerminal(file);
  const byEntity = new Map<string, Mention[]>();
  for (const m of mentions) {
    const group = byEntity.get(m.alias.entity.id);
    if (group) group.push(m);
    else byEntity.set(m.alias.entity.id, [m]);
  }
  const groups = [...byEntity.values()].sort(
    (a, b) => a[0]!.alias.entity.type.localeCompare(b[0]!.alias.entity.type) || b.length - a.length,
  );
  const actors = groups.filter((g) => g[0]!.alias.entity.type === 'actor').length;
  out.push(`${name}: ${actors} actors, ${groups.length - actors} places, ${mentions.length} mentions\n`);
  for (const group of groups) {
    const { entity } = group[0]!.alias;
    const label = `${entity.type}/${entity.subtype}`.padEnd(18);
    out.push(
      `  ${label} ${String(group.length).padStart(3)}×  ${escapeTerminal(entity.ar)} (${escapeTerminal(entity.en)})\n`,
      `  ${' '.repeat(24)}${snippet(text, group[0]!.start, group[0]!.end)}\n`,
    );
  }
  if (suggestions) {
    const byKey = new Map<string, Suggestion[]>();
    for (const s of suggestions) {
      const group = byKey.get(s.key);
      if (group) group.push(s);
      else byKey.set(s.key, [s]);
    }
    out.push(`  names Rasid does not know yet (suggested): ${byKey.size}\n`);
    for (const group of [...byKey.values()].sort((a, b) => b.length - a.length)) {
      const first = group[0]!;
      const label = `${first.type}/${first.kind}?`.padEnd(18);
      out.push(
        `  ${label} ${String(group.length).padStart(3)}×  ${escapeTerminal(first.text)}\n`,
        `  ${' '.repeat(24)}${snippet(text, first.start, first.end)}\n`,
      );
    }
  }
  return out.join('');
}

for (const file of files) {
  try {
    const decoded = decodeText(readFileSync(file));
    if (!decoded.ok) throw new Error(decoded.error);
    const text = /^\.html?$/iu.test(extname(file)) ? htmlArticleText(decoded.value) : decoded.value;
    const mentions = spot(text, lexicon);
    const suggestions = values.suggest ? suggestNames(text, mentions, { tagger: bundledTagger() }) : null;
    process.stdout.write(report(file, text, mentions, suggestions));
  } catch (e) {
    failed = true;
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : errorMessage(e);
    process.stderr.write(`spot: ${escapeTerminal(file)}: ${escapeTerminal(reason)}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
