/**
 * Charts (@mantine/charts): each expert's total per application (the score
 * distribution), the spread per criterion as a share of its scale, and each
 * expert's deviation from the rest of the panel.
 */
import { BarChart } from '@mantine/charts';
import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMergeStore } from '../../state/merge.ts';
import { expertColor } from './labels.ts';

const round = (x: number | null): number | null => (x === null ? null : Math.round(x * 100) / 100);

function ChartCard({
  title,
  hint,
  children,
  testId,
}: {
  title: string;
  hint: string;
  children: React.ReactNode;
  testId: string;
}): React.JSX.Element {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        {hint}
      </Text>
      {children}
    </Paper>
  );
}

export function ChartsView(): React.JSX.Element | null {
  const { t } = useTranslation();
  const results = useMergeStore((s) => s.results);
  if (!results) return null;
  const { result } = results;
  const experts = result.experts;
  const distribution = result.applications.map((a) => ({
    application: a.applicationId,
    ...Object.fromEntries(Object.entries(a.expertTotals).map(([id, v]) => [id, round(v)])),
  }));
  const spread = result.criteria.map((c) => {
    const width = c.scale.max - c.scale.min || 1;
    const pct = (x: number | null): number | null => (x === null ? null : Math.round((x / width) * 1000) / 10);
    return { criterion: c.criterionId, maxRange: pct(c.maxRange), meanSd: pct(c.meanSd) };
  });
  const limit = Math.round(result.options.limits.expertDeviation * result.rubric.totalPoints * 10) / 10;
  const deviation = experts.map((e) => ({ expert: e.expertId, deviation: round(e.deviation.mean) }));
  return (
    <Stack gap="md">
      <ChartCard title={t('merge.charts.distribution')} hint={t('merge.charts.distributionHint')} testId="chart-distribution">
        <BarChart
          h={260}
          data={distribution}
          dataKey="application"
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          yAxisProps={{ domain: [0, result.rubric.totalPoints] }}
          referenceLines={[{ y: result.rubric.passThreshold, label: t('merge.charts.passMark'), color: 'red.6' }]}
          series={experts.map((e, i) => ({
            name: e.expertId,
            label: `${e.expertId} ${e.displayName}`,
            color: expertColor(i),
          }))}
        />
      </ChartCard>
      <SimpleGrid cols={2} spacing="md">
        <ChartCard title={t('merge.charts.spread')} hint={t('merge.charts.spreadHint')} testId="chart-spread">
          <BarChart
            h={240}
            data={spread}
            dataKey="criterion"
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            unit="%"
            referenceLines={[{ y: result.options.limits.criterionRange * 100, label: t('merge.charts.rangeLimit'), color: 'grape.6' }]}
            series={[
              { name: 'maxRange', label: t('merge.charts.maxRange'), color: 'grape.5' },
              { name: 'meanSd', label: t('merge.charts.meanSd'), color: 'teal.6' },
            ]}
          />
        </ChartCard>
        <ChartCard title={t('merge.charts.deviation')} hint={t('merge.charts.deviationHint', { limit })} testId="chart-deviation">
          <BarChart
            h={240}
            data={deviation}
            dataKey="expert"
            referenceLines={[
              { y: limit, color: 'orange.6', label: t('merge.charts.lenient') },
              { y: 0, color: 'gray.6' },
              { y: -limit, color: 'orange.6', label: t('merge.charts.harsh') },
            ]}
            series={[{ name: 'deviation', label: t('merge.charts.deviationSeries'), color: 'indigo.6' }]}
          />
        </ChartCard>
      </SimpleGrid>
    </Stack>
  );
}
