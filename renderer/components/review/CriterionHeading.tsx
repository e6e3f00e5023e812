/**
 * The head of the criterion panel as the expert sees it: where the criterion
 * sits, its id and title, points and range (or the gate badge), threshold,
 * the default mark, and its scoring guidance. The review screen and the
 * rubric editor's preview both draw it, so the preview is the expert's view.
 */
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pick } from '../../../shared/i18n-text.ts';
import type { Criterion, Dimension } from '../../../shared/rubric/model.ts';
import { useLocale } from '../../i18n/index.ts';
import { rangeText, type StepStatus } from '../../lib/criteria.ts';

export function CriterionHeading({
  criterion,
  dimension,
  index,
  count,
  status,
}: {
  criterion: Criterion;
  /** Null for a gate. */
  dimension: Dimension | null;
  index: number;
  count: number;
  status: StepStatus;
}): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text size="xs" c="dimmed">
            {dimension ? `${dimension.id} ${pick(dimension.title, locale)}` : t('review.gates')} · {index + 1} / {count}
          </Text>
          <Title order={3} mt={2} data-testid="criterion-title">
            <Text span c="dimmed" inherit mr={8}>
              {criterion.id}
            </Text>
            {pick(criterion.title, locale)}
          </Title>
        </div>
        <Stack gap={4} align="flex-end" style={{ flex: 'none' }}>
          {criterion.scale.kind === 'gate' ? (
            <Badge variant="light" color="grape" style={{ textTransform: 'none' }}>
              {t('review.gateBadge')}
            </Badge>
          ) : (
            <Badge variant="light" style={{ textTransform: 'none' }}>
              {t('review.weight', { weight: criterion.weight, range: rangeText(criterion) })}
            </Badge>
          )}
          {criterion.threshold !== undefined && (
            <Text size="xs" c={status === 'belowThreshold' ? 'yellow.9' : 'dimmed'}>
              {t('review.threshold', { threshold: criterion.threshold })}
            </Text>
          )}
          {criterion.default && (
            <Text size="xs" c="dimmed" title={t('review.defaultMarkHint')} data-testid="default-mark">
              {t('review.defaultMark')}
            </Text>
          )}
        </Stack>
      </Group>

      <Paper withBorder p="sm" radius="sm" bg="gray.0">
        <Text size="sm" style={{ lineHeight: 1.75 }} data-testid="criterion-guidance">
          {pick(criterion.guidance, locale)}
        </Text>
        {dimension?.guidance && (
          <Text size="xs" c="dimmed" mt={6}>
            {t('review.dimensionGuidance', { text: pick(dimension.guidance, locale) })}
          </Text>
        )}
      </Paper>
    </>
  );
}
