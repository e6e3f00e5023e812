/** The package list and opening packages: file dialog, drag-and-drop, refusals and the signer-change warning. */
import type { Locator, Page } from '@playwright/test';

export class PackagesPage {
  readonly dropZone: Locator;
  readonly fileInput: Locator;
  readonly importError: Locator;
  readonly importSuccess: Locator;
  readonly openImported: Locator;
  readonly signerChanged: Locator;
  readonly signerPinned: Locator;
  readonly signerActual: Locator;
  readonly signerAccept: Locator;
  readonly signerReject: Locator;
  readonly list: Locator;
  readonly none: Locator;
  readonly cards: Locator;

  constructor(readonly page: Page) {
    this.dropZone = page.getByTestId('drop-zone');
    this.fileInput = page.getByTestId('file-input');
    this.importError = page.getByTestId('import-error');
    this.importSuccess = page.getByTestId('import-success');
    this.openImported = page.getByTestId('open-imported');
    this.signerChanged = page.getByTestId('signer-changed');
    this.signerPinned = page.getByTestId('signer-pinned');
    this.signerActual = page.getByTestId('signer-actual');
    this.signerAccept = page.getByTestId('signer-accept');
    this.signerReject = page.getByTestId('signer-reject');
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
