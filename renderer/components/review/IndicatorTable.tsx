/**
 * An indicator criterion's table: each row of the rubric with the target and
 * actual the centre's operation report gives (they travel in the package's
 * manifest with the application), the completion rate and whether the target
 * is met. The expert's judgement of the rows together is the criterion's
 * score and comment below it, as for any criterion.
 */
import { Group, Paper, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { IndicatorValue } from '../../../shared/formats.ts';
import { pick } from '../../../shared/i18n-text.ts';
import { indicatorValue, rowCompletion } from '../../../shared/review/indicators.ts';
import type { Criterion } from '../../../shared/rubric/model.ts';
import { useLocale } from '../../i18n/index.ts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

export function IndicatorTable({
  criterion,
  values,
}: {
  criterion: Criterion;
  /** The application's report figures (every criterion's); undefined when the package carries none. */
  values: readonly IndicatorValue[] | undefined;
}): React.JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = criterion.indicators;
  if (!rows) return null;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const figure = (v: number | null | undefined): React.ReactNode =>
    v === null || v === undefined ? (
      <Text span size="sm" c="dimmed">
        {t('review.indicators.notReported')}
      </Text>
    ) : (
      number.format(v)
    );
  const lines = rows.map((row) => {
    const value = indicatorValue(values, criterion.id, row.id);
    return { row, value, ...rowCompletion(row, value) };
  });
  const met = lines.filter((l) => l.met === true).length;
  const missed = lines.filter((l) => l.met === false).length;
  const hasAny = lines.some((l) => l.value);

  return (
    <Paper withBorder radius="sm" p="sm" data-testid="indicator-table">
      <Text fw={600} size="sm">
        {t('review.indicators.title')}
      </Text>
      <Text size="xs" c="dimmed" mb={6} data-testid="indicator-summary">
        {t('review.indicators.summary', { met, missed, unknown: lines.length - met - missed })}
      </Text>
      {!hasAny && (
        <Text size="sm" c="orange.8" mb={6} data-testid="indicator-none">
          {t('review.indicators.none')}
        </Text>
      )}
      <Table verticalSpacing={4} horizontalSpacing={6} fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('review.indicators.indicator')}</Table.Th>
            {/* The figures take the width they need; the label, the rest. */}
            <Table.Th w="1%">{t('review.indicators.unit')}</Table.Th>
            <Table.Th w="1%" ta="right" style={NOWRAP}>
              {t('review.indicators.target')}
            </Table.Th>
            <Table.Th w="1%" ta="right" style={NOWRAP}>
              {t('review.indicators.actual')}
            </Table.Th>
            <Table.Th w="1%" ta="right" style={NOWRAP}>
              {t('review.indicators.completion')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map(({ row, value, ratio, met: ok }) => [
            <Table.Tr
              key={row.id}
              data-testid={`indicator-row-${row.id}`}
              data-met={ok === null ? 'unknown' : String(ok)}
              style={value?.note ? { borderBottom: 0 } : undefined}
            >
              <Table.Td>
                {pick(row.label, locale)}
                {row.lowerIsBetter && (
                  <Text span size="xs" c="dimmed" ml={6}>
                    {t('review.indicators.lowerIsBetter')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{pick(row.unit, locale)}</Table.Td>
              <Table.Td ta="right" style={NOWRAP}>
                {figure(value?.target)}
              </Table.Td>
              <Table.Td ta="right" style={NOWRAP}>
                {figure(value?.actual)}
              </Table.Td>
              <Table.Td ta="right" style={NOWRAP}>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <span data-testid={`indicator-completion-${row.id}`}>{ratio === null ? '—' : percent.format(ratio)}</span>
                  {ok === true && (
                    <IconCircleCheck
                      size={16}
                      color="var(--mantine-color-teal-7)"
                      aria-label={t('review.indicators.met')}
                      data-testid="indicator-met"
                    >
                      <title>{t('review.indicators.met')}</title>
                    </IconCircleCheck>
                  )}
                  {ok === false && (
                    <IconCircleX
                      size={16}
                      color="var(--mantine-color-red-7)"
                      aria-label={t('review.indicators.notMet')}
                      data-testid="indicator-not-met"
                    >
                      <title>{t('review.indicators.notMet')}</title>
                    </IconCircleX>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>,
            // The report's own remark (why a target was missed) under its row, across the table.
            value?.note && (
              <Table.Tr key={`${row.id}-note`}>
                <Table.Td colSpan={5} pt={0}>
                  <Text size="xs" c="dimmed" data-testid={`indicator-note-${row.id}`}>
                    {t('review.indicators.note', { text: value.note })}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ),
          ])}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
