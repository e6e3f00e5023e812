/** Scoring one application: the criterion tree, the current criterion, the save state, history and the dossier. */
import { expect, type Locator, type Page } from '@playwright/test';

export class ReviewPage {
  readonly tree: Locator;
  readonly panel: Locator;
  readonly title: Locator;
  readonly scoreInput: Locator;
  readonly comment: Locator;
  readonly typing: Locator;
  readonly saveStatus: Locator;
  readonly total: Locator;
  readonly grade: Locator;
  readonly historyOpen: Locator;
  readonly historyPanel: Locator;
  readonly viewer: Locator;
  readonly goFinish: Locator;

  constructor(readonly page: Page) {
    this.tree = page.getByTestId('criterion-tree');
    this.panel = page.getByTestId('criterion-panel');
    this.title = page.getByTestId('criterion-title');
    this.scoreInput = this.panel.getByTestId('score-input');
    this.comment = page.getByTestId('comment');
    this.typing = page.getByTestId('typing');
    this.saveStatus = page.getByTestId('save-status');
    this.total = page.getByTestId('total');
    this.grade = page.getByTestId('grade');
    this.historyOpen = page.getByTestId('history-open');
    // The drawer's root only positions it; its dialog is what shows.
    this.historyPanel = page.getByTestId('history-panel').getByRole('dialog');
    this.viewer = page.getByTestId('dossier-viewer');
    this.goFinish = page.getByTestId('go-finish');
  }

  criterion(id: string): Locator {
    return this.page.getByTestId(`criterion-${id}`);
  }

  /** Waits until the panel shows criterion `id`. */
  async at(id: string): Promise<void> {
    await expect(this.panel).toHaveAttribute('data-criterion', id);
    await expect(this.criterion(id)).toHaveAttribute('data-active', 'true');
  }

  /** Types a score digit by digit, waiting for each partial number to show before the next key. */
  async typeScore(text: string): Promise<void> {
    for (let i = 0; i < text.length; i++) {
      await this.page.keyboard.press(text[i]!);
      if (i < text.length - 1) await expect(this.typing).toContainText(text.slice(0, i + 1));
    }
  }

  /** Presses J and waits for the next criterion. */
  async next(id: string): Promise<void> {
    await this.page.keyboard.press('j');
    await this.at(id);
  }
}
