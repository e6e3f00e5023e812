/**
 * One application in the merge: the computed figures, every expert's score
 * and comment per criterion, gates, opinions and recommendations, a chart of
 * the experts' totals, the site visits (现场考察) side by side with their
 * photos, and the consensus with its history.
 */
import { BarChart } from '@mantine/charts';
import { Anchor, Badge, Center, Container, Grid, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../shared/i18n-text.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ConsensusHistory, ConsensusPanel } from '../components/merge/ConsensusPanel.tsx';
import { SiteVisitSection, useVisits } from '../components/merge/SiteVisitSection.tsx';
import { PhotoViewer } from '../components/merge/VisitPhotos.tsx';
import { criteriaById, num } from '../components/merge/labels.ts';
import { useLocale } from '../i18n/index.ts';
import { useMergeStore } from '../state/merge.ts';

export function MergeApplicationScreen({ applicationId }: { applicationId: string }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const results = useMergeStore((s) => s.results);
  const error = useMergeStore((s) => s.error);
  const load = useMergeStore((s) => s.load);
  const setRubric = useMergeStore((s) => s.setRubric);
  // The application's own rubric: each rubric's applications are computed (and ranked) on their own.
  const rubricId = useMergeStore((s) => s.state?.matrix?.applications.find((a) => a.id === applicationId)?.rubricId ?? null);
  const shown = results?.rubric.id ?? null;
  useEffect(() => {
    if (!useMergeStore.getState().results) void load();
  }, [load]);
  useEffect(() => {
    if (rubricId !== null && shown !== null && rubricId !== shown) void setRubric(rubricId);
  }, [rubricId, shown, setRubric]);
  const visits = useVisits(applicationId);
  const visitFlags = visits?.items.filter((x) => x.flagged).length ?? 0;

  if (!results) return <Center h="100%">{error ? <ErrorAlert error={error} /> : <Loader />}</Center>;
  const { result, rubric } = results;
  const app = result.applications.find((a) => a.applicationId === applicationId);
  if (!app) return <Center h="100%">{t('merge.detail.unknown', { id: applicationId })}</Center>;
  const reviews = results.reviews[applicationId] ?? [];
  const experts = result.experts.filter((e) => app.experts.assigned.includes(e.expertId));
  const crit = criteriaById(rubric);
  const byExpert = new Map(reviews.map((r) => [r.expertId, r]));
  const totals = experts.map((e) => ({ expert: e.expertId, total: app.expertTotals[e.expertId] ?? null }));

  return (
    <Container size={1240} py="md">
      <Stack gap="md">
        <Anchor href="#/merge/results" size="sm" data-testid="detail-back">
          <Group gap={4}>
            <IconArrowLeft size={14} />
            {t('merge.detail.back')}
          </Group>
        </Anchor>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} data-testid="detail-title">
              {app.applicationId} {pick(app.name, locale)}
            </Title>
            <Text c="dimmed" size="sm">
              {pick(app.organisation, locale)} · {t(`category.${app.category}`)} · {pick(rubric.title, locale)}
            </Text>
          </div>
          <Group gap="xs">
            {!app.gates.eligible && <Badge color="red">{t('merge.results.ineligible')}</Badge>}
            {app.gates.eligibility === 'pending' && (
              <Badge color="orange" variant="outline" data-testid="detail-pending">
                {t('merge.results.pending')}
              </Badge>
            )}
            {app.passes !== null && app.gates.eligible && (
              <Badge color={app.passes ? 'green' : 'orange'} variant="light">
                {t(app.passes ? 'merge.results.passes' : 'merge.results.fails')}
              </Badge>
            )}
            {app.grade && <Badge variant="outline">{pick(app.grade.label, locale)}</Badge>}
            {visitFlags > 0 && (
              <Badge
                color="red"
                variant="light"
                style={{ cursor: 'pointer' }}
                onClick={() => document.getElementById('site-visits')?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
                data-testid="detail-visit-flags"
              >
                {t('merge.visits.flaggedBadge', { count: visitFlags })}
              </Badge>
            )}
          </Group>
        </Group>

        <SimpleGrid cols={5} spacing="sm">
          <Figure label={t('merge.results.rank')} value={app.rank === null ? '—' : String(app.rank)} />
          <Figure
            label={t('merge.detail.total', { method: t(`merge.options.${app.total.used ?? result.options.method}`) })}
            value={num(app.total.value)}
            testId="detail-total"
          />
          <Figure label={t('merge.detail.meanMedian')} value={`${num(app.total.mean)} / ${num(app.total.median)}`} />
          <Figure label={t('merge.detail.minMax')} value={`${num(app.total.min)} – ${num(app.total.max)}`} />
          <Figure
            label={t('merge.detail.experts')}
            value={t('merge.detail.expertsValue', { counted: app.total.n, assigned: app.experts.assigned.length })}
          />
        </SimpleGrid>

        <Grid gap="md" align="flex-start">
          <Grid.Col span={8}>
            <Stack gap="md">
              <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
                <Table withColumnBorders verticalSpacing={6} data-testid="detail-scores">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th miw={170}>{t('merge.detail.criterion')}</Table.Th>
                      <Table.Th w={70}>{t('merge.detail.figure')}</Table.Th>
                      {experts.map((e) => (
                        <Table.Th key={e.expertId} miw={104}>
                          {e.expertId} {e.displayName}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {app.criteria.map((c) => {
                      const info = crit.get(c.criterionId);
                      return (
                        <Table.Tr
                          key={c.criterionId}
                          data-testid={`detail-row-${c.criterionId}`}
                          bg={c.disagreement ? 'grape.0' : undefined}
                        >
                          <Table.Td>
                            <Text size="sm" fw={500}>
                              {c.criterionId} {info ? pick(info.criterion.title, locale) : ''}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {t('merge.detail.weight', { weight: info?.criterion.weight ?? 0 })}
                              {c.disagreement && ` · ${t('merge.detail.disagreement')}`}
                            </Text>
                          </Table.Td>
                          <Table.Td ff="monospace" fw={700} bg="gray.0">
                            {num(c.summary.value)}
                          </Table.Td>
                          {experts.map((e) => {
                            const r = byExpert.get(e.expertId);
                            if (!r || r.status === 'recused')
                              return (
                                <Table.Td key={e.expertId}>
                                  <Text size="xs" c="dimmed">
                                    {r ? t('merge.cell.recused') : t('merge.cell.missing')}
                                  </Text>
                                </Table.Td>
                              );
                            const comment = r.comments[c.criterionId];
                            return (
                              <Table.Td key={e.expertId} valign="top">
                                <Text size="sm" fw={700} ff="monospace">
                                  {num(r.scores[c.criterionId] ?? null)}
                                </Text>
                                {comment && (
                                  <Text size="xs" c="dimmed" lineClamp={4} title={comment}>
                                    {comment}
                                  </Text>
                                )}
                              </Table.Td>
                            );
                          })}
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Paper>
              <Paper withBorder p="md" radius="md" data-testid="detail-opinions">
                <Text fw={600} size="sm" mb="xs">
                  {t('merge.detail.opinions')}
                </Text>
                <Stack gap="sm">
                  {experts.map((e) => {
                    const r = byExpert.get(e.expertId);
                    const rec = r?.recommendation ? rubric.recommendations.find((x) => x.id === r.recommendation) : null;
                    const gatesFailed = app.gates.failed.filter((f) => f.expertId === e.expertId);
                    return (
                      <div key={e.expertId}>
                        <Group gap="xs">
                          <Text size="sm" fw={600}>
                            {e.expertId} {e.displayName}
                          </Text>
                          {r?.status === 'recused' && (
                            <Badge size="sm" color="orange" variant="light">
                              {t('merge.detail.recused', { reason: r.conflictReason })}
                            </Badge>
                          )}
                          {r?.status === 'in-progress' && (
                            <Badge size="sm" color="yellow" variant="light">
                              {t('merge.cell.in-progress')}
                            </Badge>
                          )}
                          {!r && (
                            <Badge size="sm" color="red" variant="light">
                              {t('merge.cell.missing')}
                            </Badge>
                          )}
                          {rec && (
                            <Badge size="sm" variant="outline">
                              {pick(rec.label, locale)}
                            </Badge>
                          )}
                          {app.expertTotals[e.expertId] !== undefined && (
                            <Text size="sm" ff="monospace" c="dimmed">
                              {t('merge.detail.expertTotal')} {num(app.expertTotals[e.expertId])}
                            </Text>
                          )}
                        </Group>
                        {gatesFailed.map((f) => (
                          <Text key={f.criterionId} size="sm" c="red.8">
                            {t('merge.detail.gateFailed', {
                              gate: pick(
                                rubric.gates.find((g) => g.id === f.criterionId)?.title ?? { 'zh-CN': f.criterionId, en: f.criterionId },
                                locale,
                              ),
                            })}
                            {f.comment && ` — ${f.comment}`}
                          </Text>
                        ))}
                        {r?.opinion && (
                          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                            {r.opinion}
                          </Text>
                        )}
                      </div>
                    );
                  })}
                </Stack>
              </Paper>
              <SiteVisitSection applicationId={applicationId} rubric={rubric} assigned={experts} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={4}>
            <Stack gap="md" style={{ position: 'sticky', top: 8 }}>
              <ConsensusPanel applicationId={applicationId} />
              <Paper withBorder p="md" radius="md" data-testid="detail-chart">
                <Text fw={600} size="sm" mb="xs">
                  {t('merge.detail.totalsChart')}
                </Text>
                <BarChart
                  h={200}
                  data={totals}
                  dataKey="expert"
                  yAxisProps={{ domain: [0, rubric.totalPoints] }}
                  referenceLines={[{ y: rubric.passThreshold, color: 'red.6', label: t('merge.charts.passMark') }]}
                  series={[{ name: 'total', label: t('merge.detail.expertTotal'), color: 'blue.7' }]}
                />
              </Paper>
              <ConsensusHistory applicationId={applicationId} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
      <PhotoViewer visits={visits} rubric={rubric} />
    </Container>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }): React.JSX.Element {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={700} ff="monospace">
        {value}
      </Text>
    </Paper>
  );
}
