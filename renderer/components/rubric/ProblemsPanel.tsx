/**
 * The draft's problems as the model finds them, live: each with where it is
 * and what is wrong, in the interface language and, beneath, the other one.
 * A click selects the element the problem is in.
 */
import { Alert, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RubricProblem } from '../../../shared/rubric/validate.ts';
import { useLocale } from '../../i18n/index.ts';
import { type Selection, useRubricStore } from '../../state/rubric.ts';

/** The element of the tree a problem's path is in. */
export function elementOf(path: RubricProblem['path']): Selection {
  const [a, b, c, d] = path;
  if (a === 'dimensions' && typeof b === 'number') return c === 'criteria' && typeof d === 'number' ? [a, b, c, d] : [a, b];
  if (a === 'gates' && typeof b === 'number') return [a, b];
  if (a === 'gradeBands' || a === 'recommendations' || a === 'siteVisit') return [a];
  return [];
}

const sep = (l: 'zh-CN' | 'en'): string => (l === 'en' ? ': ' : '：');

export function ProblemsPanel(): React.JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  const other = locale === 'en' ? 'zh-CN' : 'en';
  const check = useRubricStore((s) => s.check);
  const select = useRubricStore((s) => s.select);
  if (!check) return null;
  if (check.ok)
    return (
      <Alert color="green" icon={<IconCircleCheck size={18} />} title={t('rubric.valid')} data-testid="rubric-valid">
        {t('rubric.validHint')}
      </Alert>
    );
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle size={18} />}
      title={t('rubric.problems', { count: check.problems.length })}
      data-testid="rubric-problems"
      data-count={check.problems.length}
    >
      <Stack gap={6}>
        {check.problems.slice(0, 100).map((p, i) => (
          <UnstyledButton key={i} onClick={() => select(elementOf(p.path))} data-testid="rubric-problem" data-path={p.path.join('.')}>
            <Text size="sm">
              <b>{p.where[locale]}</b>
              {sep(locale)}
              {p.message[locale]}
            </Text>
            <Text size="xs" c="dimmed" lang={other}>
              {p.where[other]}
              {sep(other)}
              {p.message[other]}
            </Text>
          </UnstyledButton>
        ))}
      </Stack>
    </Alert>
  );
}
