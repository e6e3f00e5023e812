/** One package: the confidentiality pledge, then its home with the applications and conflict declarations. */
import type { Locator, Page } from '@playwright/test';

export type RecusalReason = 'sameOrganisation' | 'collaboration' | 'relative' | 'other';

export class PackageHomePage {
  readonly pledge: Locator;
  readonly pledgeRead: Locator;
  readonly pledgeAccept: Locator;
  readonly applications: Locator;
  readonly finishPackage: Locator;

  constructor(readonly page: Page) {
    this.pledge = page.getByTestId('pledge');
    this.pledgeRead = page.getByTestId('pledge-read');
    this.pledgeAccept = page.getByTestId('pledge-accept');
    this.applications = page.getByTestId('application-list');
    this.finishPackage = page.getByTestId('finish-package');
  }

  application(appId: string): Locator {
    return this.page.getByTestId(`application-${appId}`);
  }

  async declareNone(appId: string): Promise<void> {
    await this.page.getByTestId(`conflict-none-${appId}`).click();
  }

  async recuse(appId: string, reason: RecusalReason, details = ''): Promise<void> {
    await this.page.getByTestId(`conflict-recuse-${appId}`).click();
    await this.page.getByTestId(`recuse-reason-${reason}`).check();
    if (details) await this.page.getByTestId('recuse-details').fill(details);
    await this.page.getByTestId('conflict-recuse-confirm').click();
  }

  review(appId: string): Locator {
    return this.page.getByTestId(`review-${appId}`);
  }
}
