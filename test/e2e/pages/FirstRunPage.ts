/** First run: creating the expert identity and showing its public card. */
import type { Locator, Page } from '@playwright/test';

export class FirstRunPage {
  readonly name: Locator;
  readonly organisation: Locator;
  readonly fields: Locator;
  readonly passphrase: Locator;
  readonly confirm: Locator;
  readonly create: Locator;
  readonly keychainUnavailable: Locator;
  readonly card: Locator;
  readonly cardName: Locator;
  readonly fingerprint: Locator;
  readonly exportCard: Locator;
  readonly continue: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByTestId('identity-name');
    this.organisation = page.getByTestId('identity-organisation');
    this.fields = page.getByTestId('identity-fields');
    this.passphrase = page.getByTestId('identity-passphrase');
    this.confirm = page.getByTestId('identity-passphrase-confirm');
    this.create = page.getByTestId('identity-create');
    this.keychainUnavailable = page.getByTestId('keychain-unavailable');
    this.card = page.getByTestId('public-card');
    this.cardName = page.getByTestId('card-name');
    this.fingerprint = page.getByTestId('card-fingerprint');
    this.exportCard = page.getByTestId('export-card');
    this.continue = page.getByTestId('first-run-continue');
  }

  async fill(opts: { name: string; organisation: string; fields: string[]; passphrase: string; confirm?: string }): Promise<void> {
    await this.name.fill(opts.name);
    await this.organisation.fill(opts.organisation);
    for (const f of opts.fields) {
      await this.fields.fill(f);
      await this.fields.press('Enter');
    }
    await this.passphrase.fill(opts.passphrase);
    await this.confirm.fill(opts.confirm ?? opts.passphrase);
  }
}
