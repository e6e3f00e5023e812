/** Finishing a package: opinion, recommendation and additional outcomes, what is missing, the export and the score sheet. */
import type { Locator, Page } from '@playwright/test';

export class FinishPage {
  readonly opinion: Locator;
  readonly recommendation: Locator;
  /** The additional outcomes beside the main one (shown only where the rubric offers some for the category). */
  readonly additional: Locator;
  readonly validation: Locator;
  readonly issues: Locator;
  readonly allowIncomplete: Locator;
  readonly exportBundle: Locator;
  readonly exportResult: Locator;
  readonly exportRevision: Locator;
  readonly exportSha256: Locator;
  readonly printScoresheet: Locator;
  readonly saveStatus: Locator;

  constructor(readonly page: Page) {
    this.opinion = page.getByTestId('opinion');
    this.recommendation = page.getByTestId('recommendation');
    this.additional = page.getByTestId('additional-recommendations');
    this.validation = page.getByTestId('validation-summary');
    this.issues = this.validation.locator('[data-testid^="issue-"]');
    this.allowIncomplete = page.getByTestId('export-allow-incomplete');
    this.exportBundle = page.getByTestId('export-bundle');
    this.exportResult = page.getByTestId('export-result');
    this.exportRevision = page.getByTestId('export-revision');
    this.exportSha256 = page.getByTestId('export-sha256');
    this.printScoresheet = page.getByTestId('print-scoresheet');
    this.saveStatus = page.getByTestId('save-status');
  }

  /** The kinds of the listed issues, with their criterion (`kind` or `kind:criterion`). */
  async issueKinds(): Promise<string[]> {
    return this.issues.evaluateAll((els) =>
      els.map((e) => {
        const c = e.getAttribute('data-criterion');
        return c ? `${e.getAttribute('data-kind')}:${c}` : (e.getAttribute('data-kind') ?? '');
      }),
    );
  }

  /** The checkbox of one additional outcome, by its id (e.g. national-bid). */
  additionalOutcome(id: string): Locator {
    return this.page.getByTestId(`additional-${id}`);
  }

  async chooseRecommendation(label: string): Promise<void> {
    await this.recommendation.click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }
}
