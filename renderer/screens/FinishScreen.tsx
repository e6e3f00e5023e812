/**
 * Finishing a package: the overall opinion (专家意见), the recommendation and
 * the additional outcomes the rubric offers beside it (支持争创国家级) per
 * application, what is still missing (each item jumps to its place), the
 * signed and encrypted score bundle, and the printable score sheet.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  Container,
  Grid,
  Group,
  Progress,
  ScrollArea,
  Select,
  Stack,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconFileExport, IconPrinter } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageDetail, ValidationIssue } from '../../shared/ipc/contract.ts';
import { pick } from '../../shared/i18n-text.ts';
import { runningTotal } from '../../shared/review/total.ts';
import { Countdown } from '../components/Countdown.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { SaveStatus } from '../components/review/SaveStatus.tsx';
import { useLocale } from '../i18n/index.ts';
import { download } from '../lib/download.ts';
import { useSavedDraft } from '../lib/draft.ts';
import { flushDrafts } from '../lib/flush.ts';
import { formatBytes, formatDateTime, formatTotal } from '../lib/format.ts';
import { type Route, hrefFor, navigate } from '../router.ts';
import { useAppStore } from '../state/app.ts';
import { useExclusive } from '../lib/exclusive.ts';
import { usePackageStore } from '../state/packages.ts';
import { reviewKey, useReviewStore } from '../state/review.ts';
import { ErrorPage, LoadingPage, PackageCrumbs, usePackage } from './PackageScreen.tsx';
import { outcomesFor } from '../../shared/rubric/model.ts';
import { rubricFor } from '../lib/criteria.ts';

export function FinishScreen({ packageId, applicationId }: { packageId: string; applicationId?: string }): React.JSX.Element {
  const { detail, error } = usePackage(packageId);
  useEffect(() => {
    if (detail && !detail.summary.pledgeAcceptedAt) navigate({ name: 'package', packageId }, { replace: true });
  }, [detail, packageId]);
  if (error) return <ErrorPage error={error} />;
  if (!detail) return <LoadingPage />;
  return <Finish detail={detail} applicationId={applicationId} />;
}

function Finish({ detail, applicationId }: { detail: PackageDetail; applicationId?: string }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const s = detail.summary;
  const open = detail.applications.filter((a) => a.conflict?.status === 'none');
  const current = open.find((a) => a.id === applicationId) ?? open[0];
  return (
    <Container size="xl" py="lg">
      <Stack gap="md">
        <PackageCrumbs detail={detail}>
          <Text size="sm" c="dimmed">
            {t('finish.crumb')}
          </Text>
        </PackageCrumbs>
        <Group justify="space-between">
          <Title order={2}>{t('finish.title')}</Title>
          <Countdown deadline={s.deadline} />
        </Group>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Card withBorder radius="md" padding="md">
              {open.length === 0 ? (
                <Text c="dimmed">{t('finish.noOpenApplications')}</Text>
              ) : (
                <Tabs
                  value={current?.id ?? null}
                  onChange={(v) => v && navigate({ name: 'finish', packageId: s.packageId, applicationId: v }, { replace: true })}
                  keepMounted={false}
                >
                  <Tabs.List>
                    {open.map((a) => (
                      <Tabs.Tab
                        key={a.id}
                        value={a.id}
                        data-testid={`finish-tab-${a.id}`}
                        rightSection={a.complete ? <IconCircleCheck size={14} color="var(--mantine-color-green-7)" /> : undefined}
                      >
                        <Text size="sm" maw={180} truncate>
                          {pick(a.name, locale)}
                        </Text>
                      </Tabs.Tab>
                    ))}
                  </Tabs.List>
                  {open.map((a) => (
                    <Tabs.Panel key={a.id} value={a.id} pt="md">
                      <OpinionForm detail={detail} applicationId={a.id} />
                    </Tabs.Panel>
                  ))}
                </Tabs>
              )}
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              <ValidationSummary detail={detail} />
              <ExportCard detail={detail} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
}

function OpinionForm({ detail, applicationId }: { detail: PackageDetail; applicationId: string }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const packageId = detail.summary.packageId;
  const key = reviewKey(packageId, applicationId);
  const review = useReviewStore((s) => s.reviews[key]);
  const load = useReviewStore((s) => s.load);
  const edit = useReviewStore((s) => s.edit);
  const markPending = useReviewStore((s) => s.markPending);
  const app = detail.applications.find((a) => a.id === applicationId);
  useEffect(() => {
    void load(packageId, applicationId, true);
  }, [load, packageId, applicationId]);
  if (!review || !app) return <LoadingPage />;
  const rubric = rubricFor(detail, applicationId);
  const total = runningTotal(rubric, review.criteria);
  const outcomes = outcomesFor(rubric, app.category);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fw={700}>{pick(app.name, locale)}</Text>
          <Text size="sm" c="dimmed">
            {pick(app.organisation, locale)}
          </Text>
        </div>
        <Group gap="lg">
          <Stack gap={0} align="flex-end">
            <Text size="xs" c="dimmed">
              {t('review.totalLabel', { scored: total.scored, of: total.of })}
            </Text>
            <Text fw={700} size="lg" data-testid="total">
              {formatTotal(total.total)}
            </Text>
          </Stack>
          <Badge
            size="lg"
            variant={total.complete ? 'filled' : 'light'}
            color={!total.complete ? 'gray' : total.passes && total.grade?.id !== 'fail' ? 'blue' : 'red'}
            data-testid="grade"
          >
            {total.grade ? pick(total.grade.label, locale) : '—'}
          </Badge>
        </Group>
      </Group>
      <Progress value={app.progress.total ? (app.progress.scored / app.progress.total) * 100 : 0} color={app.complete ? 'green' : 'blue'} />
      <OpinionBox
        key={applicationId}
        value={review.opinion}
        onDirty={() => markPending(packageId, applicationId)}
        onSave={(value) => void edit(packageId, applicationId, { field: 'opinion', value })}
      />
      <Group align="flex-start" gap="xl">
        <Select
          label={t('finish.recommendation')}
          placeholder={t('finish.recommendationPlaceholder')}
          data={outcomes.main.map((r) => ({ value: r.id, label: pick(r.label, locale) }))}
          value={review.recommendation}
          onChange={(v) => void edit(packageId, applicationId, { field: 'recommendation', value: v })}
          error={review.recommendation ? null : t('finish.recommendationMissing')}
          clearable
          data-testid="recommendation"
          w={320}
        />
        {outcomes.additional.length > 0 && (
          <Checkbox.Group
            label={t('finish.additional')}
            description={t('finish.additionalHint')}
            value={review.additionalRecommendations}
            // Sent in the rubric's order, as the Node side stores them.
            onChange={(ids) =>
              void edit(packageId, applicationId, {
                field: 'additionalRecommendations',
                value: outcomes.additional.map((r) => r.id).filter((id) => ids.includes(id)),
              })
            }
            data-testid="additional-recommendations"
            style={{ flex: '1 1 260px' }}
          >
            <Stack gap="xs" mt={6}>
              {outcomes.additional.map((r) => (
                <Checkbox
                  key={r.id}
                  value={r.id}
                  label={pick(r.label, locale)}
                  description={r.description ? pick(r.description, locale) : undefined}
                  data-testid={`additional-${r.id}`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
      </Group>
      <Group justify="space-between">
        <SaveStatus packageId={packageId} applicationId={applicationId} />
        <Button variant="default" component="a" href={hrefFor({ name: 'review', packageId, applicationId })} data-testid="back-to-review">
          {t('finish.backToReview')}
        </Button>
      </Group>
    </Stack>
  );
}

function OpinionBox({ value, onSave, onDirty }: { value: string; onSave: (v: string) => void; onDirty: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const { draft, change, flush } = useSavedDraft(value, onSave, onDirty);
  return (
    <Textarea
      label={t('finish.opinion')}
      description={t('finish.opinionHint')}
      value={draft}
      onChange={(e) => change(e.currentTarget.value)}
      onBlur={flush}
      autosize
      minRows={8}
      maxRows={20}
      maxLength={20000}
      error={draft.trim() ? null : t('finish.opinionMissing')}
      data-testid="opinion"
    />
  );
}

/** Where an issue is fixed. */
function issueRoute(packageId: string, issue: ValidationIssue): Route {
  switch (issue.kind) {
    case 'conflictUndeclared':
      return { name: 'package', packageId };
    case 'opinionMissing':
    case 'recommendationMissing':
      return { name: 'finish', packageId, applicationId: issue.applicationId };
    case 'siteVisitItemMissing':
    case 'siteVisitNoteMissing':
    case 'siteVisitOpinionMissing':
      return { name: 'visit', packageId, applicationId: issue.applicationId };
    default:
      return { name: 'review', packageId, applicationId: issue.applicationId, criterionId: issue.criterionId ?? undefined };
  }
}

function ValidationSummary({ detail }: { detail: PackageDetail }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const packageId = detail.summary.packageId;
  const validation = usePackageStore((s) => s.validation[packageId]);
  const validate = usePackageStore((s) => s.validate);
  // Check again whenever a saved edit changed an application.
  useEffect(() => {
    const timer = setTimeout(() => void validate(packageId), 300);
    return () => clearTimeout(timer);
  }, [validate, packageId, detail.applications]);
  const criterionTitle = (applicationId: string, id: string | null): string => {
    if (!id) return '';
    const rubric = rubricFor(detail, applicationId);
    // A site-visit issue names a checklist item (考察要点) of the rubric.
    const c = [...rubric.gates, ...rubric.dimensions.flatMap((d) => d.criteria), ...rubric.siteVisit].find((x) => x.id === id);
    return c ? `${c.id} ${pick(c.title, locale)}` : id;
  };
  const appName = (id: string): string => {
    const a = detail.applications.find((x) => x.id === id);
    return a ? pick(a.name, locale) : id;
  };
  const byApp = new Map<string, ValidationIssue[]>();
  for (const i of validation?.issues ?? []) byApp.set(i.applicationId, [...(byApp.get(i.applicationId) ?? []), i]);
  let n = 0;
  return (
    <Card withBorder radius="md" padding="md" data-testid="validation-summary" data-complete={validation?.complete ?? ''}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={700}>{t('validation.title')}</Text>
          {validation &&
            (validation.complete ? (
              <Badge color="green" leftSection={<IconCircleCheck size={12} />}>
                {t('validation.complete')}
              </Badge>
            ) : (
              <Badge color="orange" leftSection={<IconAlertCircle size={12} />}>
                {t('validation.missing', { count: validation.issues.length })}
              </Badge>
            ))}
        </Group>
        {!validation ? (
          <Text size="sm" c="dimmed">
            {t('validation.checking')}
          </Text>
        ) : validation.complete ? (
          <Text size="sm">{t('validation.allDone')}</Text>
        ) : (
          <ScrollArea.Autosize mah={340} type="auto" offsetScrollbars>
            <Stack gap="xs">
              {[...byApp.entries()].map(([appId, issues]) => (
                <Stack key={appId} gap={2}>
                  <Text size="sm" fw={600}>
                    {appName(appId)}
                  </Text>
                  {issues.map((issue) => {
                    const i = n++;
                    return (
                      <Anchor
                        key={i}
                        size="sm"
                        href={hrefFor(issueRoute(packageId, issue))}
                        data-testid={`issue-${i}`}
                        data-kind={issue.kind}
                        data-criterion={issue.criterionId ?? ''}
                        pl="sm"
                      >
                        · {t(`validation.kind.${issue.kind}`, { criterion: criterionTitle(issue.applicationId, issue.criterionId) })}
                      </Anchor>
                    );
                  })}
                </Stack>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Card>
  );
}

function ExportCard({ detail }: { detail: PackageDetail }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const s = detail.summary;
  const validation = usePackageStore((st) => st.validation[s.packageId]);
  const exporting = usePackageStore((st) => st.exporting);
  const exportError = usePackageStore((st) => st.exportError);
  const exported = usePackageStore((st) => st.exported[s.packageId]);
  const printing = usePackageStore((st) => st.printing);
  const printError = usePackageStore((st) => st.printError);
  const exportBundle = usePackageStore((st) => st.exportBundle);
  const scoreSheet = usePackageStore((st) => st.scoreSheet);
  const progress = useAppStore((st) => st.progress.export);
  const printProgress = useAppStore((st) => st.progress.print);
  const [allowIncomplete, setAllowIncomplete] = useState(false);
  const incomplete = validation ? !validation.complete : true;
  const pct = (p: { done: number; total: number } | undefined): number | null =>
    p && p.total > 0 ? Math.round((p.done / p.total) * 100) : null;

  // The bundle and the score sheet are made from what is stored: what is being typed (the opinion, before its
  // pause) and every edit still on its way are committed first.
  const stored = async (): Promise<void> => {
    flushDrafts();
    await useReviewStore.getState().settled();
  };
  const [startingExport, exclusiveExport] = useExclusive();
  const [startingPrint, exclusivePrint] = useExclusive();
  const doExport = (): Promise<void> =>
    exclusiveExport(async () => {
      await stored();
      const r = await exportBundle(s.packageId, incomplete && allowIncomplete);
      if (r) download(r.bytes, r.fileName, 'application/octet-stream');
    });
  const doPrint = (): Promise<void> =>
    exclusivePrint(async () => {
      await stored();
      const r = await scoreSheet(s.packageId);
      if (r === 'unsupported') navigate({ name: 'print', packageId: s.packageId, auto: true });
      else if (r) download(r.bytes, r.fileName, 'application/pdf');
    });

  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Text fw={700}>{t('export.title')}</Text>
        <Text size="sm" c="dimmed">
          {t('export.intro')}
        </Text>
        {s.lastExport && (
          <Text size="xs" c="dimmed" data-testid="last-export">
            {t('packages.lastExport', { revision: s.lastExport.revision, date: formatDateTime(s.lastExport.at, locale) })}
            {s.changedSinceExport ? ` · ${t('packages.changedSinceExport')}` : ''}
          </Text>
        )}
        {incomplete && validation && (
          <Checkbox
            checked={allowIncomplete}
            onChange={(e) => setAllowIncomplete(e.currentTarget.checked)}
            label={t('export.allowIncomplete')}
            description={t('export.allowIncompleteHint')}
            data-testid="export-allow-incomplete"
          />
        )}
        <Button
          leftSection={<IconFileExport size={18} />}
          onClick={() => void doExport()}
          loading={exporting || startingExport}
          disabled={!validation || (incomplete && !allowIncomplete)}
          data-testid="export-bundle"
        >
          {incomplete ? t('export.buttonDraft') : t('export.button')}
        </Button>
        {exporting && <Progress value={pct(progress) ?? 100} animated striped={pct(progress) === null} data-testid="export-progress" />}
        {exportError && <ErrorAlert error={exportError} testId="export-error" />}
        {exported && (
          <Alert
            color={exported.complete ? 'green' : 'yellow'}
            title={t('export.done', { revision: exported.revision })}
            data-testid="export-result"
          >
            <Stack gap={4}>
              <Text size="sm">
                {exported.fileName} · {formatBytes(exported.size)}
                {exported.complete ? '' : ` · ${t('export.incompleteNote')}`}
              </Text>
              <Text size="xs" c="dimmed">
                {t('export.revision')} <b data-testid="export-revision">{exported.revision}</b>
              </Text>
              <Text size="xs" c="dimmed">
                SHA-256
              </Text>
              <Code block data-testid="export-sha256" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
                {exported.sha256}
              </Code>
              <Text size="xs" c="dimmed">
                {t('export.sendHint')}
              </Text>
            </Stack>
          </Alert>
        )}
        <Group justify="space-between" mt="xs">
          <Button
            variant="default"
            leftSection={<IconPrinter size={18} />}
            onClick={() => void doPrint()}
            loading={printing || startingPrint}
            data-testid="print-scoresheet"
          >
            {t('export.print')}
          </Button>
          <Anchor size="sm" href={hrefFor({ name: 'print', packageId: s.packageId, auto: false })} data-testid="print-preview">
            {t('export.preview')}
          </Anchor>
        </Group>
        {printing && printProgress && <Progress value={pct(printProgress) ?? 100} />}
        {printError && <ErrorAlert error={printError} testId="print-error" />}
      </Stack>
    </Card>
  );
}
