import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { IMPORT_OUTCOMES, type ImportReport, type ImportResult } from '../lib/model/import-report.ts';

import type { ExportFormat, FileProblem, ItemProblem, ItemWarning } from '../lib/model/exchange.ts';
import type { Translator } from '../lib/i18n/i18n.ts';

const FORMATS: { format: ExportFormat; label: 'formatJsonld' | 'formatCsv' | 'formatMarkdown' }[] = [
  { format: 'jsonld', label: 'formatJsonld' },
  { format: 'csv', label: 'formatCsv' },
  { format: 'markdown', label: 'formatMarkdown' },
];

/** Why a file was refused, in the reader's language. */
export function fileProblemText({ t, formatNumber }: Translator, problem: FileProblem): string {
  const size = (bytes: number) => `${formatNumber(Math.round(bytes / 1024 / 1024))} MB`;
  switch (problem.code) {
    case 'not-json':
      return t('file-not-json', { detail: problem.detail });
    case 'other-format':
      return t(`file-other-format-${problem.format}`);
    case 'too-large':
      return t('file-too-large', { size: size(problem.bytes), limit: size(problem.limit) });
    case 'not-annotations':
      return t('file-not-annotations');
    case 'newer-version':
      return t('file-newer-version', { version: String(problem.version) });
    case 'no-rows':
      return t('file-no-rows');
  }
}

function itemProblemText({ t }: Translator, problem: ItemProblem): string {
  switch (problem.code) {
    case 'bad-source':
      return t('item-bad-source', { source: problem.source });
    case 'bad-field':
      return t('item-bad-field', { field: problem.field });
    case 'csv-row':
      return t('item-csv-row', { detail: problem.detail });
    case 'name-too-long':
      return t('item-name-too-long', { max: problem.max });
    case 'name-exists':
      return t('item-name-exists', { name: problem.en ? `${problem.ar} — ${problem.en}` : problem.ar });
    case 'name-repeated':
      return t('item-name-repeated', { line: problem.line });
    default:
      return t(`item-${problem.code}`);
  }
}

const warningText = ({ t }: Translator, w: ItemWarning) => t('warning-unknown-entity', { uri: w.uri });

/** What an import did: counts per outcome, then a line per item that was not simply written. */
export function ImportReportView({ i18n, report }: { i18n: Translator; report: ImportReport }) {
  const { t } = i18n;
  const notable = report.items.filter(
    (i) => i.problem || i.warnings?.length || i.outcome === 'kept-local' || i.outcome === 'conflict',
  );
  return (
    <div class="import-report" role="status" data-testid="import-report">
      <ul class="counts">
        {IMPORT_OUTCOMES.filter((o) => report.counts[o]).map((o) => (
          <li key={o} data-outcome={o}>
            {t(`outcome-${o}`, { n: report.counts[o] })}
          </li>
        ))}
      </ul>
      {!!notable.length && (
        <ul class="items">
          {notable.slice(0, 200).map((i) => (
            <li key={i.index} data-outcome={i.outcome}>
              {t('itemLine', {
                index: i.index + 1,
                reason: [
                  i.problem ? itemProblemText(i18n, i.problem) : t(`outcome-${i.outcome}`, { n: 1 }),
                  ...(i.warnings ?? []).map((w) => warningText(i18n, w)),
                ].join(' · '),
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Reads a chosen file as text and hands it on; the outcome (report or refusal) is shown below. */
export function ImportControl({
  i18n,
  title,
  accept = '.json,.jsonld,application/json,application/ld+json',
  onImport,
  children,
}: {
  i18n: Translator;
  title: string;
  /** The file types offered by the file chooser. */
  accept?: string;
  /** Said under the title: what the files may hold. */
  children?: ComponentChildren;
  /** Reads, checks and imports the file's text, saying how far it got. */
  onImport(text: string, progress: (done: number, total: number) => void): Promise<ImportResult>;
}) {
  const { t } = i18n;
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<ImportResult | { ok: false; error: string } | null>(null);
  const read = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setResult(null);
    setProgress(null);
    try {
      setResult(await onImport(await file.text(), (done, total) => setProgress({ done, total })));
    } catch (e) {
      setResult({ ok: false, error: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset class="import">
      <legend>{title}</legend>
      {children}
      <label>
        {t('importFile')}{' '}
        <input
          type="file"
          name="import"
          accept={accept}
          disabled={busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            // Emptied, so that choosing the same file again (after fixing it) imports it again.
            e.currentTarget.value = '';
            void read(file);
          }}
        />
      </label>
      {busy && (
        <p role="status">
          {progress
            ? t('importProgress', {
                done: i18n.formatNumber(progress.done),
                total: i18n.formatNumber(progress.total),
              })
            : t('importing')}
        </p>
      )}
      {result?.ok && <ImportReportView i18n={i18n} report={result.value} />}
      {result && !result.ok && (
        <p role="alert" data-testid="import-error">
          {t('importFailed', {
            message: typeof result.error === 'string' ? result.error : fileProblemText(i18n, result.error),
          })}
        </p>
      )}
    </fieldset>
  );
}

/** Export: a format, whether to add entity mentions, and a button that opens the save dialog. */
export function ExportControl({
  i18n,
  scope,
  onExport,
}: {
  i18n: Translator;
  /** What will be exported, in words. */
  scope: string;
  /** Builds the file and offers to save it; resolves with its name. */
  onExport(format: ExportFormat, mentions: boolean): Promise<string>;
}) {
  const { t } = i18n;
  const [format, setFormat] = useState<ExportFormat>('jsonld');
  const [mentions, setMentions] = useState(false);
  return (
    <fieldset class="export">
      <legend>{t('exportTitle')}</legend>
      <p class="scope">{scope}</p>
      <label>
        {t('exportFormat')}{' '}
        <select name="format" onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
          {FORMATS.map((f) => (
            <option key={f.format} value={f.format} selected={f.format === format}>
              {t(f.label)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          name="mentions"
          checked={mentions}
          onChange={(e) => setMentions(e.currentTarget.checked)}
        />
        {t('includeMentions')}
      </label>
      <ExportButton i18n={i18n} label={t('exportButton')} onExport={() => onExport(format, mentions)} />
    </fieldset>
  );
}

/** A button that builds a file and opens the save dialog, then says what happened. */
export function ExportButton({
  i18n: { t },
  label,
  onExport,
}: {
  i18n: Translator;
  label: string;
  /** Resolves with the saved file's name. */
  onExport(): Promise<string>;
}) {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async () => {
    setStatus(null);
    try {
      setStatus({ ok: true, text: t('exported', { name: await onExport() }) });
    } catch (e) {
      setStatus({ ok: false, text: t('exportFailed', { message: (e as Error).message }) });
    }
  };
  return (
    <>
      <button type="button" class="export-button" onClick={() => void run()}>
        {label}
      </button>
      {status && (
        <p role={status.ok ? 'status' : 'alert'} data-testid="export-status">
          {status.text}
        </p>
      )}
    </>
  );
}
