/**
 * Scoring one application: the criterion tree on the left, the current
 * criterion in the centre (guidance, for an indicator criterion the table of
 * the operation report's targets and actuals, scale, comment, evidence), the dossier
 * beside it, and the running total, grade and save state on top
 * (review/ReviewHeader.tsx). Everything works from the keyboard: J/K or ↑/↓
 * move, digits score, ←/→ step, Ctrl+Enter goes to the next criterion, C
 * focuses the comment (review/useReviewKeys.ts).
 */
import { Alert, Anchor, Box, Button, Container, Divider, Group, Kbd, ScrollArea, Stack, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconLock } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageDetail, ReviewEdit } from '../../shared/ipc/contract.ts';
import { pick } from '../../shared/i18n-text.ts';
import { runningTotal } from '../../shared/review/total.ts';
import type { Criterion } from '../../shared/rubric/model.ts';
import { PdfViewer } from '../components/PdfViewer.tsx';
import { CommentBox } from '../components/review/CommentBox.tsx';
import { CriterionHeading } from '../components/review/CriterionHeading.tsx';
import { CriterionTree } from '../components/review/CriterionTree.tsx';
import { EvidenceBox } from '../components/review/EvidenceBox.tsx';
import { HistoryDrawer } from '../components/review/HistoryDrawer.tsx';
import { IndicatorTable } from '../components/review/IndicatorTable.tsx';
import { ScaleControl } from '../components/review/ScaleControl.tsx';
import { PhotoViewer, type ViewedPhoto } from '../components/visit/PhotoViewer.tsx';
import { VisitFindings } from '../components/visit/VisitFindings.tsx';
import { useLocale } from '../i18n/index.ts';
import { rubricFor, stepStatus, walk } from '../lib/criteria.ts';
import { hrefFor, navigate } from '../router.ts';
import { reviewKey, useReviewStore } from '../state/review.ts';
import { photoUrl, useVisitStore, visitKey } from '../state/visit.ts';
import { ErrorPage, LoadingPage, PackageCrumbs, usePackage } from './PackageScreen.tsx';
import { ReviewHeader } from './review/ReviewHeader.tsx';
import { useReviewKeys } from './review/useReviewKeys.ts';

export function ReviewScreen({
  packageId,
  applicationId,
  criterionId,
}: {
  packageId: string;
  applicationId: string;
  criterionId?: string;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { detail, error } = usePackage(packageId);
  const key = reviewKey(packageId, applicationId);
  const review = useReviewStore((s) => s.reviews[key]);
  const reviewError = useReviewStore((s) => s.loadErrors[key]);
  const app = detail?.applications.find((a) => a.id === applicationId);
  const declared = app?.conflict?.status === 'none';

  useEffect(() => {
    if (declared) void useReviewStore.getState().load(packageId, applicationId, true);
  }, [packageId, applicationId, declared]);
  useEffect(() => {
    if (detail && !detail.summary.pledgeAcceptedAt) navigate({ name: 'package', packageId }, { replace: true });
  }, [detail, packageId]);

  if (error) return <ErrorPage error={error} />;
  if (!detail) return <LoadingPage />;
  if (!app) return <NotDeclared detail={detail} message={t('review.noSuchApplication', { id: applicationId })} />;
  if (app.conflict?.status === 'recused')
    return <NotDeclared detail={detail} locked message={t('review.lockedRecused', { reason: app.conflict.reason })} />;
  if (!app.conflict) return <NotDeclared detail={detail} message={t('review.declareFirst')} />;
  if (reviewError) return <ErrorPage error={reviewError} />;
  if (!review) return <LoadingPage />;
  return <Reviewing detail={detail} applicationId={applicationId} criterionId={criterionId} />;
}

function NotDeclared({ detail, message, locked }: { detail: PackageDetail; message: string; locked?: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Stack>
        <PackageCrumbs detail={detail} />
        <Alert color={locked ? 'gray' : 'orange'} icon={locked ? <IconLock size={20} /> : undefined} data-testid="review-blocked">
          {message}
        </Alert>
        <Anchor href={hrefFor({ name: 'package', packageId: detail.summary.packageId })}>{t('review.backHome')}</Anchor>
      </Stack>
    </Container>
  );
}

const NO_FILES: PackageDetail['applications'][number]['files'] = [];

function Reviewing({
  detail,
  applicationId,
  criterionId,
}: {
  detail: PackageDetail;
  applicationId: string;
  criterionId?: string;
}): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const packageId = detail.summary.packageId;
  const rubric = rubricFor(detail, applicationId);
  const app = detail.applications.find((a) => a.id === applicationId);
  const key = reviewKey(packageId, applicationId);
  const review = useReviewStore((s) => s.reviews[key]);
  const edit = useReviewStore((s) => s.edit);
  const markPending = useReviewStore((s) => s.markPending);
  const steps = useMemo(() => walk(rubric), [rubric]);
  const files = app?.files ?? NO_FILES;
  // The operation report's figures, for an indicator criterion (withheld with the dossier before the pledge).
  const indicators = detail.manifest.applications.find((a) => a.id === applicationId)?.indicators;
  const firstPdf = files.find((f) => f.mediaType === 'application/pdf') ?? files[0];
  const [viewer, setViewer] = useState<{ path: string; page: number } | null>(firstPdf ? { path: firstPdf.path, page: 1 } : null);
  const [historyOpen, setHistoryOpen] = useState(false);
  // The site visit, for its findings on each criterion and as evidence beside dossier pages.
  const visit = useVisitStore((s) => s.visits[visitKey(packageId, applicationId)]);
  useEffect(() => {
    void useVisitStore.getState().load(packageId, applicationId);
  }, [packageId, applicationId]);
  const evidenceVisit = useMemo(
    () =>
      visit && {
        photos: visit.photos.map((p) => ({ path: p.path, caption: p.caption })),
        items: visit.checklist
          .filter((x) => visit.visit?.items.some((a) => a.id === x.id))
          .map((x) => ({ id: x.id, title: pick(x.title, locale) })),
      },
    [visit, locale],
  );
  const viewed: ViewedPhoto[] = useMemo(
    () =>
      (visit?.photos ?? []).map((p) => ({
        key: p.path,
        caption: p.caption,
        rotation: p.rotation,
        url: () => photoUrl(packageId, applicationId, p, 'full'),
      })),
    [visit?.photos, packageId, applicationId],
  );
  const [photoIndex, setPhotoIndex] = useState<number | null>(null);
  const openPhoto = useCallback(
    (path: string) =>
      setPhotoIndex(
        Math.max(
          0,
          viewed.findIndex((p) => p.key === path),
        ),
      ),
    [viewed],
  );
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  const fallback = steps.find((s) => review?.criteria[s.criterion.id]?.score == null) ?? steps[0];
  const step = steps.find((s) => s.criterion.id === criterionId) ?? fallback;
  const criterion = step.criterion;
  const state = review?.criteria[criterion.id];
  const score = state?.score ?? null;
  // Moving between criteria changes none of these: the header, tree, viewer and drawer below are memoised on them.
  const total = useMemo(() => runningTotal(rubric, review?.criteria), [rubric, review?.criteria]);

  const select = useCallback(
    (id: string) => navigate({ name: 'review', packageId, applicationId, criterionId: id }, { replace: true }),
    [packageId, applicationId],
  );
  const move = useCallback(
    (delta: number) => {
      const i = steps.findIndex((s) => s.criterion.id === criterion.id);
      const next = steps[Math.min(steps.length - 1, Math.max(0, i + delta))] ?? steps[0];
      select(next.criterion.id);
    },
    [steps, criterion.id, select],
  );
  const save = useCallback((e: ReviewEdit) => void edit(packageId, applicationId, e), [edit, packageId, applicationId]);
  const setScore = useCallback((c: Criterion, v: number | null) => save({ field: 'score', criterionId: c.id, value: v }), [save]);
  const openFile = useCallback((path: string, page: number) => setViewer({ path, page }), []);
  const closeViewer = useCallback(() => setViewer(null), []);
  const openHistory = useCallback(() => setHistoryOpen(true), []);
  const closeHistory = useCallback(() => setHistoryOpen(false), []);
  const jumpFromHistory = useCallback(
    (id: string) => {
      setHistoryOpen(false);
      select(id);
    },
    [select],
  );
  const openDossier = useMemo(
    () => (!viewer && firstPdf ? () => setViewer({ path: firstPdf.path, page: 1 }) : undefined),
    [viewer, firstPdf],
  );

  // Keep the URL on a real criterion, so reopening returns exactly here.
  useEffect(() => {
    if (criterionId !== criterion.id) select(criterion.id);
  }, [criterionId, criterion.id, select]);

  const typing = useReviewKeys({ reviewKey: key, criterion, move, setScore, paused: historyOpen, commentRef });

  // Each criterion opens at its top.
  useEffect(() => {
    panelRef.current?.scrollTo({ top: 0 });
  }, [criterion.id]);

  const index = steps.findIndex((s) => s.criterion.id === criterion.id);
  const status = stepStatus(criterion, state);

  return (
    <Box style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <ReviewHeader detail={detail} applicationId={applicationId} total={total} onHistory={openHistory} onDossier={openDossier} />

      <Box style={{ flex: 1, minHeight: 0, display: 'flex' }}>
        <Box w={260} style={{ flex: 'none', borderRight: '1px solid var(--mantine-color-gray-3)', background: 'white' }}>
          <CriterionTree rubric={rubric} steps={steps} review={review} current={criterion.id} onSelect={select} />
        </Box>

        <ScrollArea style={{ flex: 1, minWidth: 0 }} viewportRef={panelRef} type="auto">
          <Stack p="md" gap="md" maw={820} mx="auto" data-testid="criterion-panel" data-criterion={criterion.id}>
            <CriterionHeading criterion={criterion} dimension={step.dimension} index={index} count={steps.length} status={status} />

            {criterion.indicators && <IndicatorTable criterion={criterion} values={indicators} />}

            <ScaleControl criterion={criterion} value={score} typing={typing} onChange={(v) => setScore(criterion, v)} />
            {typing !== null && (
              <Text size="sm" c="blue.8" data-testid="typing">
                {t('review.typing', { value: typing })}
              </Text>
            )}

            <CommentBox
              key={criterion.id}
              ref={commentRef}
              criterion={criterion}
              score={score}
              value={state?.comment ?? ''}
              onDirty={() => markPending(packageId, applicationId)}
              onSave={(text) => save({ field: 'comment', criterionId: criterion.id, value: text })}
            />

            <EvidenceBox
              criterionId={criterion.id}
              files={files}
              value={state?.evidence ?? []}
              hint={criterion.evidenceHint ? pick(criterion.evidenceHint, locale) : undefined}
              onChange={(next) => save({ field: 'evidence', criterionId: criterion.id, value: next })}
              onOpen={openFile}
              defaultFile={viewer?.path}
              defaultPage={viewer?.page}
              visit={evidenceVisit}
              onOpenPhoto={openPhoto}
            />

            <VisitFindings visit={visit} criterionId={criterion.id} evidence={state?.evidence ?? []} onOpenPhoto={openPhoto} />

            <Divider />
            <Group justify="space-between">
              <Button
                variant="default"
                leftSection={<IconChevronLeft size={16} />}
                onClick={() => move(-1)}
                disabled={index === 0}
                data-testid="prev-criterion"
              >
                {t('review.prev')}
              </Button>
              <Button
                rightSection={<IconChevronRight size={16} />}
                onClick={() => move(1)}
                disabled={index === steps.length - 1}
                data-testid="next-criterion"
              >
                {t('review.next')}{' '}
                <Kbd ml={8} size="xs">
                  Ctrl+Enter
                </Kbd>
              </Button>
            </Group>
            <Text size="xs" c="dimmed" data-testid="keyboard-help">
              {t('review.keys')}
            </Text>
          </Stack>
        </ScrollArea>

        {viewer && (
          <Box style={{ flex: '0 0 46%', borderLeft: '1px solid var(--mantine-color-gray-3)', minWidth: 0 }}>
            <PdfViewer
              packageId={packageId}
              applicationId={applicationId}
              files={files}
              path={viewer.path}
              page={viewer.page}
              onOpen={openFile}
              onClose={closeViewer}
            />
          </Box>
        )}
      </Box>

      <PhotoViewer photos={viewed} index={photoIndex} onIndex={setPhotoIndex} onClose={() => setPhotoIndex(null)} />

      <HistoryDrawer
        opened={historyOpen}
        onClose={closeHistory}
        packageId={packageId}
        applicationId={applicationId}
        rubric={rubric}
        onJump={jumpFromHistory}
      />
    </Box>
  );
}
