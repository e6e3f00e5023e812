/** The package list and opening packages: file dialog, drag-and-drop, refusals, the trust question and the key-conflict warning. */
import type { Locator, Page } from '@playwright/test';

export class PackagesPage {
  readonly dropZone: Locator;
  readonly fileInput: Locator;
  readonly importError: Locator;
  readonly importSuccess: Locator;
  readonly openImported: Locator;
  readonly trustPrompt: Locator;
  readonly trustFingerprint: Locator;
  readonly trustLabels: Locator;
  readonly trustPhone: Locator;
  readonly trustAccept: Locator;
  readonly trustRefuse: Locator;
  readonly trustRefused: Locator;
  readonly trustConflict: Locator;
  readonly conflictPinned: Locator;
  readonly conflictActual: Locator;
  readonly trustLink: Locator;
  readonly list: Locator;
  readonly none: Locator;
  readonly cards: Locator;

  constructor(readonly page: Page) {
    this.dropZone = page.getByTestId('drop-zone');
    this.fileInput = page.getByTestId('file-input');
    this.importError = page.getByTestId('import-error');
    this.importSuccess = page.getByTestId('import-success');
    this.openImported = page.getByTestId('open-imported');
    this.trustPrompt = page.getByTestId('trust-prompt');
    this.trustFingerprint = page.getByTestId('trust-fingerprint');
    this.trustLabels = page.getByTestId('trust-labels');
    this.trustPhone = page.getByTestId('trust-phone');
    this.trustAccept = page.getByTestId('trust-accept');
    this.trustRefuse = page.getByTestId('trust-refuse');
    this.trustRefused = page.getByTestId('trust-refused');
    this.trustConflict = page.getByTestId('trust-conflict');
    this.conflictPinned = page.getByTestId('conflict-pinned');
    this.conflictActual = page.getByTestId('conflict-actual');
    this.trustLink = page.getByTestId('trust-link');
    this.list = page.getByTestId('package-list');
    this.none = page.getByTestId('no-packages');
    this.cards = this.list.locator('[data-testid^="package-"]');
  }

  card(packageId: string): Locator {
    return this.page.getByTestId(`package-${packageId}`);
  }

  /** Picks a file as the file dialog would. */
  async choose(name: string, bytes: Buffer): Promise<void> {
    await this.fileInput.setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
  }

  /** Drops a file on the drop zone: dragenter, dragover and drop with a DataTransfer holding the bytes. */
  async drop(name: string, bytes: Buffer): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, b64 }) => {
        const raw = atob(b64);
        const data = new Uint8Array(raw.length);
        for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
        const dt = new DataTransfer();
        dt.items.add(new File([data], name, { type: 'application/octet-stream' }));
        return dt;
      },
      { name, b64: bytes.toString('base64') },
    );
    for (const type of ['dragenter', 'dragover', 'drop']) await this.dropZone.dispatchEvent(type, { dataTransfer });
    await dataTransfer.dispose();
  }
}
