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
  readonly nextButton: Locator;
  readonly prevButton: Locator;
  readonly keyboardHelp: Locator;

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
    this.nextButton = page.getByTestId('next-criterion');
    this.prevButton = page.getByTestId('prev-criterion');
    this.keyboardHelp = page.getByTestId('keyboard-help');
  }

  /** Presses keys back to back, with no waiting of any kind between them. */
  async press(...keys: string[]): Promise<void> {
    for (const k of keys) await this.page.keyboard.press(k);
  }

  /** Takes the focus off any control, so that keys go to the screen's own handler. */
  async blur(): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  }

  /** Waits until the score control shows `value` ('' for none). */
  async scoreIs(value: number | ''): Promise<void> {
    await expect(this.scoreInput).toHaveAttribute('data-value', String(value));
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
