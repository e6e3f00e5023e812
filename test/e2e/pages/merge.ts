/** Page object for the secretariat's merge area (汇总 / Merge). */
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export class MergePage {
  constructor(readonly page: Page) {}

  tab(view: 'import' | 'matrix' | 'results' | 'charts' | 'history'): Locator {
    return this.page.getByTestId(`tab-${view}`);
  }

  async open(view: 'import' | 'matrix' | 'results' | 'charts' | 'history'): Promise<void> {
    await this.tab(view).click();
    await expect(this.tab(view)).toHaveAttribute('aria-selected', 'true');
  }

  /** Chooses files through the drop zone's file input. */
  async chooseFiles(paths: string[]): Promise<void> {
    await this.page.getByTestId('merge-file-input').setInputFiles(paths);
  }

  /** Drops files on the drop zone as a drag-and-drop from the desktop does. */
  async dropFiles(files: { name: string; bytes: Buffer }[]): Promise<void> {
    const payload = files.map((f) => ({ name: f.name, data: f.bytes.toString('base64') }));
    const dataTransfer = await this.page.evaluateHandle((list) => {
      // Runs in the page; this file is typed for Node, which has no DataTransfer.
      const { DataTransfer: DT } = globalThis as unknown as { DataTransfer: new () => { items: { add(file: File): void } } };
      const dt = new DT();
      for (const f of list) {
        const bin = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
        dt.items.add(new File([bin], f.name, { type: 'application/octet-stream' }));
      }
      return dt;
    }, payload);
    const zone = this.page.getByTestId('merge-drop-zone');
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
  }

  verdicts(status?: string): Locator {
    return this.page.locator(status ? `[data-testid^="verdict-"][data-status="${status}"]` : '[data-testid^="verdict-"][data-status]');
  }

  /** The verdict badge of the row showing `fileName`. */
  verdictOf(fileName: string): Locator {
    return this.page
      .locator('[data-testid^="file-row-"]')
      .filter({ has: this.page.getByText(fileName, { exact: true }) })
      .locator('[data-testid^="verdict-"]');
  }

  async download(testId: string): Promise<Download[]> {
    const downloads: Download[] = [];
    const onDownload = (d: Download): void => void downloads.push(d);
    this.page.on('download', onDownload);
    const first = this.page.waitForEvent('download');
    await this.page.getByTestId(testId).click();
    await first;
    await expect(this.page.getByTestId(testId)).not.toHaveAttribute('data-loading', 'true');
    this.page.off('download', onDownload);
    return downloads;
  }
}

/** The consensus form on one application's page (专家组意见) and the question asked before unsaved edits are left. */
export class ConsensusForm {
  readonly score: Locator;
  readonly text: Locator;
  readonly save: Locator;
  readonly saved: Locator;
  readonly unsaved: Locator;
  readonly leaveStay: Locator;
  readonly leaveDiscard: Locator;
  readonly leaveDialog: Locator;

  constructor(readonly page: Page) {
    const panel = page.getByTestId('consensus');
    this.score = panel.getByTestId('consensus-score');
    this.text = panel.getByTestId('consensus-text');
    this.save = panel.getByTestId('consensus-save');
    this.saved = panel.getByTestId('consensus-saved');
    this.unsaved = panel.getByTestId('consensus-unsaved');
    this.leaveStay = page.getByTestId('leave-stay');
    this.leaveDiscard = page.getByTestId('leave-discard');
    this.leaveDialog = page.getByRole('dialog').filter({ has: this.leaveDiscard });
  }

  /** The score field's error text (Mantine ties it to the input). */
  scoreError(): Locator {
    return this.page.getByTestId('consensus').locator('.mantine-InputWrapper-error').first();
  }
}
