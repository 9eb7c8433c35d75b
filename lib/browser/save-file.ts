import { browser } from 'wxt/browser';
import type { FileToSave } from '../model/exchange.ts';

/** How long the file's blob URL lives: the download has long started by then. */
const BLOB_LIFETIME_MS = 60_000;

/**
 * Offers a file through the browser's own save dialog (`downloads.download` with `saveAs`): the reader
 * picks the folder and name, and the file never passes through the clipboard. Where no dialog can be
 * shown, the file goes to the downloads folder.
 */
export async function saveFile({ name, type, text }: FileToSave): Promise<void> {
  const url = URL.createObjectURL(new Blob([text], { type }));
  try {
    await browser.downloads.download({ url, filename: name, saveAs: true }).catch(async (e: unknown) => {
      // The reader closed the dialog: nothing is saved, and the export says why.
      if (/cancel/iu.test(String(e))) throw new Error(String(e));
      // No dialog can be shown here (Firefox without a display, or a policy): the downloads folder.
      await browser.downloads.download({ url, filename: name, saveAs: false });
    });
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), BLOB_LIFETIME_MS);
  }
}
