/**
 * The built-in rubric templates: selection of enterprise-type and
 * non-enterprise-type manufacturing innovation centres (and Shanxi's
 * provincial variant of the enterprise one, kept as data), then the annual
 * evaluation and the three-year periodic assessment of designated centres,
 * for each type.
 */
import { Rubric } from '../model.ts';
import { annualEnterprise, annualNonEnterprise, periodicEnterprise, periodicNonEnterprise } from './assessment.ts';
import { enterpriseSelection } from './enterprise-selection.ts';
import { nonEnterpriseSelection } from './non-enterprise-selection.ts';
import shanxiSelectionData from './shanxi-selection-enterprise.json' with { type: 'json' };

/**
 * Shanxi's selection rubric for the enterprise type (seed 004): the
 * enterprise template with the lines where 004 differs, as JSON, checked by
 * the strict schema when loaded.
 */
export const shanxiEnterpriseSelection: Rubric = Rubric.parse(shanxiSelectionData);

export { annualEnterprise, annualNonEnterprise, enterpriseSelection, nonEnterpriseSelection, periodicEnterprise, periodicNonEnterprise };

/** All built-in templates: selection first, then the annual evaluation, then the periodic assessment. */
export const RUBRIC_TEMPLATES: readonly Rubric[] = Object.freeze([
  enterpriseSelection,
  nonEnterpriseSelection,
  shanxiEnterpriseSelection,
  annualEnterprise,
  annualNonEnterprise,
  periodicEnterprise,
  periodicNonEnterprise,
]);

/** The built-in template with this rubric id, if any. */
export function templateById(id: string): Rubric | undefined {
  return RUBRIC_TEMPLATES.find((r) => r.id === id);
}
