/**
 * The built-in rubric templates: selection of enterprise-type and
 * non-enterprise-type manufacturing innovation centres, and the annual (and
 * three-year) assessment of designated centres.
 */
import type { Rubric } from '../model.ts';
import { annualAssessment } from './assessment.ts';
import { enterpriseSelection } from './enterprise-selection.ts';
import { nonEnterpriseSelection } from './non-enterprise-selection.ts';

export { annualAssessment, enterpriseSelection, nonEnterpriseSelection };

/** All built-in templates, selection first, then assessment. */
export const RUBRIC_TEMPLATES: readonly Rubric[] = Object.freeze([enterpriseSelection, nonEnterpriseSelection, annualAssessment]);

/** The built-in template with this rubric id, if any. */
export function templateById(id: string): Rubric | undefined {
  return RUBRIC_TEMPLATES.find((r) => r.id === id);
}
