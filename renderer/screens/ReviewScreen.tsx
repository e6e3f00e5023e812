/**
 * Scoring one application: the criterion tree on the left, the current
 * criterion in the centre (guidance, scale, comment, evidence), the dossier
 * beside it, and the running total, grade and save state on top. Everything
 * works from the keyboard: J/K or ↑/↓ move, digits score, ←/→ step,
 * Ctrl+Enter goes to the next criterion, C focuses the comment.
 */
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Container,
  Divider,
  Group,
  Kbd,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconFileText, IconHistory, IconLock } from '@tabler/icons-react';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageDetail, ReviewEdit } from '../../shared/ipc/contract.ts';
import { pick } from '../../shared/i18n-text.ts';
import type { Criterion } from '../../shared/rubric/model.ts';
import { PdfViewer } from '../components/PdfViewer.tsx';
import { CommentBox } from '../components/review/CommentBox.tsx';
import { CriterionTree } from '../components/review/CriterionTree.tsx';
import { EvidenceBox } from '../components/review/EvidenceBox.tsx';
import { HistoryDrawer } from '../components/review/HistoryDrawer.tsx';
import { SaveStatus } from '../components/review/SaveStatus.tsx';
import { ScaleControl } from '../components/review/ScaleControl.tsx';
import { useLocale } from '../i18n/index.ts';
import { allowedScores, rangeText, runningTotal, stepStatus, walk } from '../lib/criteria.ts';
import { typeScoreKey } from '../lib/typed-score.ts';
import { formatTotal } from '../lib/format.ts';
import { hrefFor, navigate } from '../router.ts';
import { reviewKey, useReviewStore } from '../state/review.ts';
import { ErrorPage, LoadingPage, PackageCrumbs, usePackage } from './PackageScreen.tsx';

/** Where typed keys belong to the control itself (text fields, lists, dialogs). */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement && ['radio', 'checkbox', 'button'].includes(target.type)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    !!target.closest('[role="listbox"], [role="dialog"]')
  );
}

/** Radio buttons and the like move with the arrow keys themselves. */
function ownsArrows(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && ['radio', 'checkbox'].includes(target.type);
}

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
  const rubric = detail.rubric;
  const app = detail.applications.find((a) => a.id === applicationId);
  const key = reviewKey(packageId, applicationId);
  const review = useReviewStore((s) => s.reviews[key]);
  const edit = useReviewStore((s) => s.edit);
  const markPending = useReviewStore((s) => s.markPending);
  const steps = useMemo(() => walk(rubric), [rubric]);
  const files = app?.files ?? NO_FILES;
  const firstPdf = files.find((f) => f.mediaType === 'application/pdf') ?? files[0];
  const [viewer, setViewer] = useState<{ path: string; page: number } | null>(firstPdf ? { path: firstPdf.path, page: 1 } : null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [typing, setTyping] = useState<string | null>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  const fallback = steps.find((s) => review?.criteria[s.criterion.id]?.score == null) ?? steps[0];
  const step = steps.find((s) => s.criterion.id === criterionId) ?? fallback;
  const criterion = step.criterion;
  const state = review?.criteria[criterion.id];
  const score = state?.score ?? null;
  // Moving between criteria changes none of these: the header, tree, viewer and drawer below are memoised on them.
  const total = useMemo(() => runningTotal(rubric, review), [rubric, review]);

  const select = useCallback(
    (id: string) => navigate({ name: 'review', packageId, applicationId, criterionId: id }, { replace: true }),
    [packageId, applicationId],
  );
  const move = useCallback(
    (delta: number) => {
      const i = steps.findIndex((s) => s.criterion.id === criterion.id);
      const next = steps[Math.min(steps.length - 1, Math.max(0, i + delta))];
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

  // A number being typed belongs to its criterion only; what it spelled is already stored.
  useEffect(() => {
    setTyping(null);
    keys.current.typing = null;
    panelRef.current?.scrollTo({ top: 0 });
  }, [criterion.id]);

  // The key handler is registered once and reads what it acts on from this ref, which every render brings up to
  // date before the browser can deliver the next key: a key pressed right after a move acts on the new criterion.
  const keys = useRef({ criterion, score, typing, move, setScore, historyOpen, key });
  useLayoutEffect(() => {
    keys.current = { criterion, score, typing, move, setScore, historyOpen, key };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const { criterion, typing, move, setScore, historyOpen } = keys.current;
      // The store, not the last render: a second key in the same frame sees the score the first one stored.
      const score = useReviewStore.getState().reviews[keys.current.key]?.criteria[criterion.id]?.score ?? null;
      const setTyped = (buf: string | null): void => {
        // Read back by the next key before React has re-rendered.
        keys.current.typing = buf;
        setTyping(buf);
      };
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        if (document.activeElement instanceof HTMLElement && isEditable(document.activeElement)) document.activeElement.blur();
        move(1);
        return;
      }
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isEditable(e.target) || historyOpen) return;
      const values = allowedScores(criterion);
      const k = e.key;
      if (k.startsWith('Arrow') && ownsArrows(e.target)) return;
      if (k === 'j' || k === 'J' || k === 'ArrowDown') {
        e.preventDefault();
        move(1);
      } else if (k === 'k' || k === 'K' || k === 'ArrowUp') {
        e.preventDefault();
        move(-1);
      } else if (k === 'ArrowRight' || k === 'ArrowLeft') {
        e.preventDefault();
        const up = k === 'ArrowRight';
        const next =
          score === null
            ? up
              ? values[0]
              : values[values.length - 1]
            : up
              ? values.find((v) => v > score + 1e-9)
              : [...values].reverse().find((v) => v < score - 1e-9);
        if (next !== undefined) setScore(criterion, next);
      } else if (/^[0-9.]$/.test(k)) {
        e.preventDefault();
        const typed = typeScoreKey(values, typing, k, score);
        setTyped(typed.buffer);
        if (typed.store !== null) setScore(criterion, typed.store);
      } else if (k === 'Delete' || k === 'Backspace') {
        if (typing) {
          e.preventDefault();
          const rest = typing.length > 1 ? typing.slice(0, -1) : null;
          setTyped(rest);
          // 10 back to 1 is a score again; 7.5 back to "7." leaves the 7.5 until the next key says otherwise.
          const v = rest === null ? NaN : Number(rest);
          if (rest !== null && !rest.endsWith('.') && values.includes(v) && v !== score) setScore(criterion, v);
        } else if (score !== null && k === 'Delete') {
          e.preventDefault();
          setScore(criterion, null);
        }
      } else if (k === 'c' || k === 'C') {
        e.preventDefault();
        commentRef.current?.focus();
      } else if ((k === 'Escape' || k === 'Enter') && typing) {
        // Ends the number: the next digit starts a new one.
        setTyped(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

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
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text size="xs" c="dimmed">
                  {step.dimension ? `${step.dimension.id} ${pick(step.dimension.title, locale)}` : t('review.gates')} · {index + 1} /{' '}
                  {steps.length}
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
              </Stack>
            </Group>

            <Paper withBorder p="sm" radius="sm" bg="gray.0">
              <Text size="sm" style={{ lineHeight: 1.75 }} data-testid="criterion-guidance">
                {pick(criterion.guidance, locale)}
              </Text>
              {step.dimension?.guidance && (
                <Text size="xs" c="dimmed" mt={6}>
                  {t('review.dimensionGuidance', { text: pick(step.dimension.guidance, locale) })}
                </Text>
              )}
            </Paper>

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
            />

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

/** The header bar: where, running total, grade, save state; memoised, so moving between criteria leaves it alone. */
const ReviewHeader = memo(function ReviewHeader({
  detail,
  applicationId,
  total,
  onHistory,
  onDossier,
}: {
  detail: PackageDetail;
  applicationId: string;
  total: ReturnType<typeof runningTotal>;
  onHistory: () => void;
  /** Opens the first dossier file; absent while the viewer is open or there is none. */
  onDossier: (() => void) | undefined;
}): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const packageId = detail.summary.packageId;
  const rubric = detail.rubric;
  const app = detail.applications.find((a) => a.id === applicationId);
  return (
    <Group
      px="md"
      py={8}
      justify="space-between"
      wrap="nowrap"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', background: 'white', flex: 'none' }}
    >
      <Stack gap={0} style={{ minWidth: 0 }}>
        <PackageCrumbs detail={detail}>
          <Text size="sm" c="dimmed">
            {t('review.crumb')}
          </Text>
        </PackageCrumbs>
        <Text fw={700} size="lg" truncate data-testid="application-name">
          {app ? pick(app.name, locale) : applicationId}
        </Text>
      </Stack>
      <Group gap="md" wrap="nowrap" style={{ flex: 'none' }}>
        <Stack gap={0} align="flex-end">
          <Text size="xs" c="dimmed">
            {t('review.totalLabel', { scored: total.scored, of: total.of })}
          </Text>
          <Text fw={700} size="xl" data-testid="total" data-value={total.total}>
            {formatTotal(total.total)}
            <Text span size="sm" c="dimmed" fw={400}>
              {' '}
              / {rubric.totalPoints}
            </Text>
          </Text>
        </Stack>
        <Stack gap={2} align="flex-start">
          <Text size="xs" c="dimmed">
            {total.complete ? t('review.grade') : t('review.gradeProvisional')}
          </Text>
          <Badge
            size="lg"
            variant={total.complete ? 'filled' : 'light'}
            color={
              !total.complete
                ? 'gray'
                : total.grade?.id === 'fail' || !total.passes
                  ? 'red'
                  : total.grade?.id === 'excellent'
                    ? 'green'
                    : 'blue'
            }
            data-testid="grade"
            data-grade={total.complete ? (total.grade?.id ?? '') : ''}
            style={{ textTransform: 'none' }}
          >
            {/* A band read off a partial total would only ever say 不合格: none is shown until every criterion is scored. */}
            {total.complete && total.grade ? pick(total.grade.label, locale) : '—'}
          </Badge>
        </Stack>
        {total.failedGates > 0 && (
          <Badge color="red" variant="filled" size="lg" data-testid="failed-gates" style={{ textTransform: 'none' }}>
            {t('review.failedGates', { count: total.failedGates })}
          </Badge>
        )}
        <Box w={150} style={{ flex: 'none' }}>
          <SaveStatus packageId={packageId} applicationId={applicationId} />
        </Box>
        <Tooltip label={t('history.open')}>
          <ActionIcon variant="default" size="lg" onClick={onHistory} aria-label={t('history.button')} data-testid="history-open">
            <IconHistory size={18} />
          </ActionIcon>
        </Tooltip>
        {onDossier && (
          <Tooltip label={t('pdf.open')}>
            <ActionIcon variant="default" size="lg" onClick={onDossier} aria-label={t('pdf.open')} data-testid="dossier-open">
              <IconFileText size={18} />
            </ActionIcon>
          </Tooltip>
        )}
        <Button
          size="xs"
          component="a"
          href={hrefFor({ name: 'finish', packageId, applicationId })}
          data-testid="go-finish"
          style={{ flex: 'none' }}
        >
          {t('review.toFinish')}
        </Button>
      </Group>
    </Group>
  );
});
