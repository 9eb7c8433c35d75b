import type { AnnotationRow, TeamMark } from '../model/annotation.ts';
import type { MentionReport } from '../model/mention.ts';
import type { TeamSightingRow } from '../model/team.ts';
import { err, ok, type Result } from '../model/result.ts';
import { toWebAnnotation, parseWebAnnotation, type WebAnnotationJson } from '../exchange/web-annotation.ts';
import { siteOf } from '../pages/page-key.ts';

export type { TeamMark };

/**
 * The documents of a team's database (issue #17), and reading them back. An annotation is the W3C
 * JSON-LD item Rasid exports, with who made it and who saved this version; whatever comes from the
 * team is checked as an import is (`parseWebAnnotation`): a hostile string stays a string.
 */

export const ANNOTATION_PREFIX = 'annotation:';
export const SIGHTING_PREFIX = 'sighting:';

/** The longest display name or user name kept from a team document. */
export const MAX_NAME = 80;

export interface AnnotationDoc {
  _id: string;
  _rev?: string;
  kind: 'annotation';
  creator: TeamMark;
  modifiedBy: TeamMark;
  /** ISO 8601, as in the annotation. */
  modified: string;
  annotation: WebAnnotationJson;
}

export interface SightingDoc {
  _id: string;
  _rev?: string;
  kind: 'sighting';
  by: TeamMark;
  page: string;
  title: string;
  firstSeen: string;
  lastSeen: string;
  mentions: MentionReport[];
}

export const annotationDocId = (id: string) => ANNOTATION_PREFIX + id;

/** The team's document for an annotation: the reader's own, or a teammate's (`team`) the reader edited. */
export function annotationDoc(row: AnnotationRow, me: TeamMark, version: string): AnnotationDoc {
  const [annotation] = toWebAnnotation({
    version,
    generated: row.modified,
    annotations: [{ ...row, team: undefined, shared: undefined }],
    pages: [],
    entities: [],
  }).first.items;
  return {
    _id: annotationDocId(row.id),
    kind: 'annotation',
    creator: row.team ?? me,
    modifiedBy: me,
    modified: new Date(row.modified).toISOString(),
    annotation: annotation!,
  };
}

export type DocProblem = 'not-a-team-document' | 'bad-member' | 'bad-annotation' | 'id-mismatch';

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A member's mark read from a document: two short strings, without control characters. */
export function markOf(value: unknown): TeamMark | null {
  if (!isRecord(value)) return null;
  const { by, name } = value;
  const fine = (s: unknown): s is string =>
    typeof s === 'string' && s.length > 0 && s.length <= MAX_NAME && !/\p{Cc}/u.test(s);
  return fine(by) && fine(name) ? { by, name } : null;
}

/** A team document read back as an annotation, its creator and the member who saved this version. */
export interface TeamAnnotation {
  row: AnnotationRow;
  creator: TeamMark;
  modifiedBy: TeamMark;
}

export function readAnnotationDoc(doc: unknown, now: number): Result<TeamAnnotation, DocProblem> {
  if (!isRecord(doc) || doc['kind'] !== 'annotation' || typeof doc['_id'] !== 'string')
    return err('not-a-team-document');
  const creator = markOf(doc['creator']);
  const modifiedBy = markOf(doc['modifiedBy']);
  if (!creator || !modifiedBy) return err('bad-member');
  const parsed = parseWebAnnotation(JSON.stringify([doc['annotation']]), { now, limitBytes: 1 << 20 });
  const item = parsed.ok ? parsed.value.items[0] : undefined;
  if (!item || !('annotation' in item)) return err('bad-annotation');
  if (annotationDocId(item.annotation.id) !== doc['_id']) return err('id-mismatch');
  return ok({ row: item.annotation, creator, modifiedBy });
}

export const sightingDocId = (by: string, page: string) => `${SIGHTING_PREFIX}${by}:${page}`;

export function sightingDoc(
  me: TeamMark,
  page: string,
  title: string,
  firstSeen: number,
  lastSeen: number,
  mentions: MentionReport[],
): SightingDoc {
  return {
    _id: sightingDocId(me.by, page),
    kind: 'sighting',
    by: me,
    page,
    title,
    firstSeen: new Date(firstSeen).toISOString(),
    lastSeen: new Date(lastSeen).toISOString(),
    mentions,
  };
}

const MAX_TEXT = 2000;
const MAX_MENTIONS = 2000;

/** A sighting document read back, checked field by field; null when anything is wrong with it. */
export function readSightingDoc(doc: unknown): TeamSightingRow | null {
  if (!isRecord(doc) || doc['kind'] !== 'sighting') return null;
  const by = markOf(doc['by']);
  const { page, title, firstSeen, lastSeen, mentions } = doc;
  if (!by || typeof page !== 'string' || typeof title !== 'string' || !Array.isArray(mentions)) return null;
  if (doc['_id'] !== sightingDocId(by.by, page) || title.length > MAX_TEXT || mentions.length > MAX_MENTIONS)
    return null;
  let site: string;
  try {
    site = siteOf(page.includes('://') ? page : `https://${page}`);
  } catch {
    return null;
  }
  const first = typeof firstSeen === 'string' ? Date.parse(firstSeen) : NaN;
  const last = typeof lastSeen === 'string' ? Date.parse(lastSeen) : NaN;
  if (!Number.isFinite(first) || !Number.isFinite(last)) return null;
  const counts: Record<string, number> = {};
  const sentences: Record<string, string> = {};
  for (const m of mentions) {
    if (!isRecord(m)) return null;
    const { entity, count, sentence } = m;
    if (typeof entity !== 'string' || entity.length > MAX_NAME || !/^[\w-]+$/u.test(entity)) return null;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return null;
    if (typeof sentence !== 'string' || sentence.length > MAX_TEXT) return null;
    counts[entity] = count;
    sentences[entity] = sentence;
  }
  return {
    id: `${by.by}\u0000${page}`,
    by: by.by,
    name: by.name,
    page,
    site,
    title,
    firstSeen: first,
    lastSeen: last,
    entities: Object.keys(counts),
    counts,
    sentences,
  };
}
