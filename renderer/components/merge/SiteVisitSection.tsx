/**
 * 现场考察 on one application's merge page: every checklist item (考察要点) with each visiting expert's
 * 符合 / 不符合 / 不适用 and note side by side — an item anyone answered 不符合 is flagged, for the panel to
 * discuss — then each expert's record (date, place, who was present, notes, 现场考察意见), the photos as
 * thumbnails with what they support, and the printed 现场考察记录表 to download.
 */
import { Alert, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemResult } from '../../../shared/visit/model.ts';
import type { MergeExpertVisit, MergeVisits } from '../../../shared/ipc/contract.ts';
import { pick } from '../../../shared/i18n-text.ts';
import type { Rubric } from '../../../shared/rubric/model.ts';
import { type ApiError, toApiError } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { sameRef, useMergeStore } from '../../state/merge.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { PhotoThumb, Supports, supportTitles, useBeijing } from './VisitPhotos.tsx';

const RESULT_COLOR: Record<ItemResult, string> = { meets: 'green', fails: 'red', na: 'gray' };

/** The application's site visits, read once its page opens (and again when the kept files change). */
export function useVisits(applicationId: string): MergeVisits | undefined {
  const visits = useMergeStore((s) => s.visits[applicationId]);
  const ready = useMergeStore((s) => s.state?.ledger != null);
  const loadVisits = useMergeStore((s) => s.loadVisits);
  useEffect(() => {
    if (ready && !visits) void loadVisits(applicationId);
  }, [applicationId, ready, visits, loadVisits]);
  return visits;
}

export function SiteVisitSection({
  applicationId,
  rubric,
  assigned,
}: {
  applicationId: string;
  rubric: Rubric;
  /** The experts assigned the application (who did not visit is said). */
  assigned: { expertId: string; displayName: string }[];
}): React.JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  const visits = useVisits(applicationId);
  const error = useMergeStore((s) => s.visitsError);
  if (!visits) {
    return (
      <Paper withBorder p="md" radius="md" data-testid="site-visits">
        <Text fw={700} mb="xs">
          {t('merge.visits.title')}
        </Text>
        {error ? (
          <ErrorAlert error={error} />
        ) : (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {t('merge.visits.loading')}
            </Text>
          </Group>
        )}
      </Paper>
    );
  }
  // A rubric without a checklist has no site visit to show.
  if (!visits.items.length && !visits.experts.length) return null;
  const visited = new Set(visits.experts.map((e) => e.expertId));
  const absent = assigned.filter((e) => !visited.has(e.expertId));
  const flagged = visits.items.filter((x) => x.flagged).length;

  return (
    <Paper withBorder p="md" radius="md" data-testid="site-visits" id="site-visits">
      <Stack gap="sm">
        <div>
          <Group gap="xs">
            <Text fw={700}>{t('merge.visits.title')}</Text>
            {flagged > 0 && (
              <Badge color="red" leftSection={<IconAlertTriangle size={12} />} data-testid="visits-flagged">
                {t('merge.visits.flaggedBadge', { count: flagged })}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('merge.visits.intro')}
          </Text>
        </div>
        {visits.experts.length === 0 ? (
          <Alert color="gray" variant="light" data-testid="visits-none">
            {t('merge.visits.none')}
          </Alert>
        ) : (
          <div style={{ overflowX: 'auto' }}>
            <Table withColumnBorders withTableBorder verticalSpacing={6} data-testid="visit-checklist">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th miw={200}>{t('merge.visits.item')}</Table.Th>
                  {visits.experts.map((e) => (
                    <Table.Th key={e.expertId} miw={130}>
                      {e.expertId} {e.name}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {visits.items.map((item) => (
                  <Table.Tr
                    key={item.id}
                    bg={item.flagged ? 'red.0' : undefined}
                    data-testid={`visit-item-${item.id}`}
                    data-flagged={item.flagged}
                  >
                    <Table.Td valign="top" style={item.flagged ? { boxShadow: 'inset 3px 0 0 var(--mantine-color-red-6)' } : undefined}>
                      <Text size="sm" fw={500} title={item.guidance ? pick(item.guidance, locale) : undefined}>
                        <Text span ff="monospace" size="sm" fw={700}>
                          {item.id}
                        </Text>{' '}
                        {pick(item.title, locale)}
                      </Text>
                      <Group gap={4} mt={2}>
                        {item.flagged && (
                          <Badge size="xs" color="red" variant="filled" data-testid={`visit-flag-${item.id}`}>
                            {t('merge.visits.flagged')}
                          </Badge>
                        )}
                        {!item.inRubric && (
                          <Badge size="xs" color="gray" variant="outline">
                            {t('merge.visits.notInRubric')}
                          </Badge>
                        )}
                        <Text size="xs" c="dimmed">
                          {t('merge.visits.counts', { meets: item.meets, fails: item.fails, na: item.na })}
                          {item.unanswered > 0 && ` · ${t('merge.visits.countsUnanswered', { n: item.unanswered })}`}
                        </Text>
                      </Group>
                    </Table.Td>
                    {visits.experts.map((e) => {
                      const a = e.items.find((x) => x.id === item.id);
                      return (
                        <Table.Td
                          key={e.expertId}
                          valign="top"
                          data-testid={`visit-answer-${item.id}-${e.expertId}`}
                          data-result={a?.result ?? 'none'}
                        >
                          {a ? (
                            <Tooltip label={a.note} disabled={!a.note} multiline maw={360} withArrow>
                              <Badge color={RESULT_COLOR[a.result]} variant={a.result === 'fails' ? 'filled' : 'light'} size="sm">
                                {t(`merge.visits.result.${a.result}`)}
                              </Badge>
                            </Tooltip>
                          ) : (
                            <Text size="xs" c="dimmed">
                              {t('merge.visits.unanswered')}
                            </Text>
                          )}
                          {a?.note && (
                            <Text size="xs" c={a.result === 'fails' ? 'red.9' : 'dimmed'} lineClamp={3} title={a.note} mt={2}>
                              {a.note}
                            </Text>
                          )}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        {absent.length > 0 && visits.experts.length > 0 && (
          <Text size="xs" c="dimmed" data-testid="visits-absent">
            {t('merge.visits.notVisited', { experts: absent.map((e) => `${e.expertId} ${e.displayName}`).join('、') })}
          </Text>
        )}
        {visits.experts.map((e) => (
          <ExpertVisitCard key={e.expertId} applicationId={applicationId} visits={visits} visit={e} rubric={rubric} />
        ))}
      </Stack>
    </Paper>
  );
}

function ExpertVisitCard({
  applicationId,
  visits,
  visit: e,
  rubric,
}: {
  applicationId: string;
  visits: MergeVisits;
  visit: MergeExpertVisit;
  rubric: Rubric;
}): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const beijing = useBeijing();
  const downloadVisitSheet = useMergeStore((s) => s.downloadVisitSheet);
  const evidence = useMergeStore((s) => (s.evidence?.applicationId === applicationId ? s.evidence.list : null));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const titles = supportTitles(visits, rubric);
  const fact = (label: string, value: string, testId?: string): React.JSX.Element => (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text size="sm" fw={600} w={84} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" data-testid={testId} style={{ whiteSpace: 'pre-wrap' }}>
        {value || t('merge.visits.empty')}
      </Text>
    </Group>
  );
  const sheet = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await downloadVisitSheet(applicationId, e.fingerprint);
    } catch (x) {
      setError(toApiError(x));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0" data-testid={`visit-expert-${e.expertId}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={600}>
              {e.expertId} {e.name}
            </Text>
            <Text size="xs" c="dimmed">
              {[e.organisation, t('merge.visits.revision', { revision: e.revision })].filter(Boolean).join(' · ')}
            </Text>
          </div>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} />}
            loading={busy}
            onClick={() => void sheet()}
            data-testid={`visit-sheet-${e.expertId}`}
          >
            {t('merge.visits.sheet')}
          </Button>
        </Group>
        {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
        <Stack gap={4}>
          {fact(t('merge.visits.visitedAt'), e.visitedAt, `visit-date-${e.expertId}`)}
          {fact(t('merge.visits.place'), e.place)}
          {fact(t('merge.visits.attendees'), e.attendees.map((a) => (a.role.trim() ? `${a.name}（${a.role}）` : a.name)).join('；'))}
          {fact(t('merge.visits.notes'), e.notes)}
        </Stack>
        <Paper p="xs" radius="sm" withBorder style={{ borderLeft: '3px solid var(--mantine-color-blue-6)' }}>
          <Text size="xs" fw={700} c="blue.8">
            {t('merge.visits.opinion')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid={`visit-opinion-${e.expertId}`}>
            {e.opinion.trim() || t('merge.visits.empty')}
          </Text>
        </Paper>
        <Text size="sm" fw={600}>
          {t('merge.visits.photos', { n: e.photos.length })}
        </Text>
        {e.photos.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('merge.visits.noPhotos')}
          </Text>
        ) : (
          <SimpleGrid cols={3} spacing="sm">
            {e.photos.map((p, i) => {
              const ref = { applicationId, expertFingerprint: e.fingerprint, path: p.path };
              const cited = evidence?.some((c) => sameRef(c, ref)) ?? false;
              const caption = p.caption.trim() || t('merge.visits.noCaption');
              return (
                <Stack key={p.path} gap={4} data-testid={`visit-photo-${e.expertId}-${i + 1}`}>
                  <div style={{ position: 'relative' }}>
                    <PhotoThumb
                      refTo={ref}
                      photo={p}
                      label={t('merge.visits.openPhoto', { n: i + 1, caption })}
                      testId={`visit-thumb-${e.expertId}-${i + 1}`}
                    />
                    {cited && (
                      <Badge pos="absolute" top={6} left={6} size="sm" color="blue" variant="filled" data-testid="photo-cited">
                        {t('merge.visits.cited')}
                      </Badge>
                    )}
                  </div>
                  <Text size="xs" fw={600} lineClamp={2} title={caption}>
                    {t('merge.visits.photo', { n: i + 1 })}
                    {'\u3000'}
                    {caption}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {p.takenAt ? t('merge.visits.taken', { at: beijing(p.takenAt) }) : t('merge.visits.takenUnknown')}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('merge.visits.added', { at: beijing(p.addedAt) })}
                  </Text>
                  <Supports label={t('merge.visits.supportsItems')} ids={p.itemIds} titles={titles.items} locale={locale} />
                  <Supports label={t('merge.visits.supportsCriteria')} ids={p.criterionIds} titles={titles.criteria} locale={locale} />
                </Stack>
              );
            })}
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}
