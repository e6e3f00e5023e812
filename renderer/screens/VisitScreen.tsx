/**
 * The site visit (现场考察) of one application, recorded on site with no network and the dossier closed:
 * the date, place and who was present; the rubric's checklist (考察要点) item by item, 符合 / 不符合 /
 * 不适用 with a note (不符合 needs its note); free notes; the visit's opinion (现场考察意见); photos
 * from disk, dropped, or from the laptop's camera, each with a caption, its EXIF time beside the time it
 * was added, and the checklist items and criteria it supports. Every change is one audited save in the
 * encrypted workspace (state/visit.ts).
 *
 * Keyboard: J/K or ↓/↑ move between checklist items, 1 / 2 / 3 answer 符合 / 不符合 / 不适用, Delete clears,
 * N or Enter goes to the item's note (Esc comes back), O the opinion, P adds photos.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Container,
  Group,
  Kbd,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
  ActionIcon,
} from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconCamera, IconClipboardList, IconPhotoPlus, IconPlus, IconPrinter, IconTrash, IconUpload, IconX } from '@tabler/icons-react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageDetail, VisitEdit, VisitState } from '../../shared/ipc/contract.ts';
import { pick } from '../../shared/i18n-text.ts';
import { PHOTO_MEDIA_TYPES, VISIT_LIMITS, type Attendee, type ItemResult } from '../../shared/visit/model.ts';
import { api, toApiError, type ApiError } from '../api/client.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { SaveStatusView } from '../components/review/SaveStatus.tsx';
import { CameraCapture, cameraAvailable } from '../components/visit/CameraCapture.tsx';
import { ChecklistItem, RESULTS, type ChecklistItemHandle } from '../components/visit/ChecklistItem.tsx';
import { PhotoCard, type Option } from '../components/visit/PhotoCard.tsx';
import { PhotoViewer, type ViewedPhoto } from '../components/visit/PhotoViewer.tsx';
import { useLocale } from '../i18n/index.ts';
import { rubricFor, walk } from '../lib/criteria.ts';
import { download } from '../lib/download.ts';
import { useSavedDraft } from '../lib/draft.ts';
import { useFlushOnLeave } from '../lib/flush.ts';
import { formatBytes } from '../lib/format.ts';
import { hrefFor, navigate } from '../router.ts';
import { photoUrl, useVisitStore, visitKey } from '../state/visit.ts';
import { ErrorPage, LoadingPage, PackageCrumbs, usePackage } from './PackageScreen.tsx';
import { isEditable } from './review/useReviewKeys.ts';

export function VisitScreen({ packageId, applicationId }: { packageId: string; applicationId: string }): React.JSX.Element {
  const { t } = useTranslation();
  const { detail, error } = usePackage(packageId);
  const key = visitKey(packageId, applicationId);
  const visit = useVisitStore((s) => s.visits[key]);
  const loadError = useVisitStore((s) => s.loadErrors[key]);
  const app = detail?.applications.find((a) => a.id === applicationId);
  const declared = app?.conflict?.status === 'none';

  useEffect(() => {
    if (declared) void useVisitStore.getState().load(packageId, applicationId);
  }, [packageId, applicationId, declared]);
  useEffect(() => {
    if (detail && !detail.summary.pledgeAcceptedAt) navigate({ name: 'package', packageId }, { replace: true });
  }, [detail, packageId]);

  if (error) return <ErrorPage error={error} />;
  if (!detail) return <LoadingPage />;
  const blocked = !app
    ? t('review.noSuchApplication', { id: applicationId })
    : app.conflict?.status === 'recused'
      ? t('review.lockedRecused', { reason: app.conflict.reason })
      : !app.conflict
        ? t('visit.declareFirst')
        : null;
  if (blocked)
    return (
      <Container size="sm" py="xl">
        <Stack>
          <PackageCrumbs detail={detail} />
          <Alert color="orange" data-testid="visit-blocked">
            {blocked}
          </Alert>
          <Anchor href={hrefFor({ name: 'package', packageId })}>{t('review.backHome')}</Anchor>
        </Stack>
      </Container>
    );
  if (loadError) return <ErrorPage error={loadError} />;
  if (!visit) return <LoadingPage />;
  return <Visiting detail={detail} visit={visit} />;
}

function Visiting({ detail, visit }: { detail: PackageDetail; visit: VisitState }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const { packageId, applicationId } = visit;
  const key = visitKey(packageId, applicationId);
  const app = detail.applications.find((a) => a.id === applicationId);
  const status = useVisitStore((s) => s.save[key]) ?? { state: 'idle' as const };
  const store = useVisitStore.getState();
  const markPending = useCallback(() => useVisitStore.getState().markPending(packageId, applicationId), [packageId, applicationId]);
  const edit = useCallback((e: VisitEdit) => void useVisitStore.getState().edit(packageId, applicationId, e), [packageId, applicationId]);

  const v = visit.visit;
  const answers = useMemo(() => new Map((v?.items ?? []).map((x) => [x.id, x])), [v?.items]);
  const [current, setCurrent] = useState(0);
  const handles = useRef(new Map<string, ChecklistItemHandle>());
  const opinionRef = useRef<HTMLTextAreaElement>(null);
  const openFilesRef = useRef<() => void>(null);

  const rubric = rubricFor(detail, applicationId);
  const criterionOptions: Option[] = useMemo(
    () => walk(rubric).map((s) => ({ value: s.criterion.id, label: `${s.criterion.id} ${pick(s.criterion.title, locale)}` })),
    [rubric, locale],
  );
  const itemOptions: Option[] = useMemo(
    () => visit.checklist.map((x) => ({ value: x.id, label: `${x.id} ${pick(x.title, locale)}` })),
    [visit.checklist, locale],
  );
  const photosPerItem = useMemo(() => {
    const m = new Map<string, number>();
    for (const p of visit.photos) for (const id of p.itemIds) m.set(id, (m.get(id) ?? 0) + 1);
    return m;
  }, [visit.photos]);

  // The checklist's keys, from anywhere on the screen but a text field or a dialog.
  const latest = useRef({ current, checklist: visit.checklist });
  useLayoutEffect(() => {
    latest.current = { current, checklist: visit.checklist };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isEditable(e.target)) return;
      const { current: i, checklist } = latest.current;
      const item = checklist[i];
      const move = (d: number): void => {
        const next = Math.min(checklist.length - 1, Math.max(0, i + d));
        setCurrent(next);
        const id = checklist[next]?.id;
        if (id) handles.current.get(id)?.scrollIntoView();
      };
      const k = e.key;
      if (k === 'j' || k === 'J' || k === 'ArrowDown') move(1);
      else if (k === 'k' || k === 'K' || k === 'ArrowUp') move(-1);
      else if (item && (k === '1' || k === '2' || k === '3')) {
        const result = RESULTS[Number(k) - 1] as ItemResult;
        handles.current.get(item.id)?.set(result);
        // 不符合 waits for its note (the item focuses it); the others move on.
        if (result !== 'fails') move(1);
      } else if (item && (k === 'Delete' || k === 'Backspace')) handles.current.get(item.id)?.set(null);
      else if (item && (k === 'n' || k === 'N' || k === 'Enter')) handles.current.get(item.id)?.focusNote();
      else if (k === 'o' || k === 'O') opinionRef.current?.focus();
      else if (k === 'p' || k === 'P') openFilesRef.current?.();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const answered = visit.checklist.filter((x) => answers.has(x.id)).length;
  const [printing, setPrinting] = useState<ApiError | null | 'busy'>(null);
  const print = async (): Promise<void> => {
    setPrinting('busy');
    try {
      const sheet = await api['visit:sheet']({ packageId, applicationId });
      download(sheet.bytes, sheet.fileName, sheet.mediaType);
      setPrinting(null);
    } catch (e) {
      setPrinting(toApiError(e));
    }
  };

  return (
    <Container size="md" py="md" data-testid="visit-screen">
      <Stack gap="md">
        <PackageCrumbs detail={detail}>
          <Anchor href={hrefFor({ name: 'review', packageId, applicationId })} size="sm">
            {app ? pick(app.name, locale) : applicationId}
          </Anchor>
          <Text size="sm">{t('visit.title')}</Text>
        </PackageCrumbs>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Title order={2}>
              {t('visit.title')} · {app ? pick(app.name, locale) : applicationId}
            </Title>
            <Text size="sm" c="dimmed">
              {app ? `${pick(app.organisation, locale)} · ${t(`category.${app.category}`)}` : ''}
            </Text>
          </div>
          <Group gap="sm">
            <SaveStatusView status={status} />
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} />}
              onClick={() => void print()}
              loading={printing === 'busy'}
              data-testid="visit-print"
            >
              {t('visit.print')}
            </Button>
            <Button
              component="a"
              href={hrefFor({ name: 'review', packageId, applicationId })}
              variant="light"
              leftSection={<IconClipboardList size={16} />}
            >
              {t('visit.toReview')}
            </Button>
          </Group>
        </Group>
        {printing !== null && printing !== 'busy' && <ErrorAlert error={printing} />}

        <Paper withBorder p="sm" radius="md" data-testid="visit-progress">
          <Group gap="md" wrap="wrap">
            <Text size="sm" fw={600}>
              {t('visit.progress', { answered, total: visit.checklist.length })}
            </Text>
            {visit.gaps.failsWithoutNote.length > 0 && (
              <Badge color="red" variant="light">
                {t('visit.gaps.failsWithoutNote', { ids: visit.gaps.failsWithoutNote.join('、') })}
              </Badge>
            )}
            {visit.gaps.placeMissing && (
              <Badge color="orange" variant="light">
                {t('visit.gaps.place')}
              </Badge>
            )}
            {visit.gaps.opinionMissing && (
              <Badge color="orange" variant="light">
                {t('visit.gaps.opinion')}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {t('visit.photoCount', { count: visit.photos.length })}
            </Text>
          </Group>
        </Paper>

        <Section title={t('visit.section.basics')}>
          <Basics visit={visit} edit={edit} markPending={markPending} />
        </Section>

        <Section
          title={t('visit.section.checklist')}
          aside={
            <Text size="xs" c="dimmed">
              <Kbd size="xs">J</Kbd>/<Kbd size="xs">K</Kbd> {t('visit.keys.move')} · <Kbd size="xs">1</Kbd> {t('visit.result.meets')}{' '}
              <Kbd size="xs">2</Kbd> {t('visit.result.fails')} <Kbd size="xs">3</Kbd> {t('visit.result.na')} · <Kbd size="xs">N</Kbd>{' '}
              {t('visit.keys.note')} · <Kbd size="xs">O</Kbd> {t('visit.keys.opinion')} · <Kbd size="xs">P</Kbd> {t('visit.keys.photos')}
            </Text>
          }
        >
          {visit.checklist.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('visit.noChecklist')}
            </Text>
          ) : (
            <Stack gap="xs" data-testid="visit-checklist">
              {visit.checklist.map((item, i) => (
                <ChecklistItem
                  key={item.id}
                  ref={(h) => {
                    if (h) handles.current.set(item.id, h);
                    else handles.current.delete(item.id);
                  }}
                  item={item}
                  index={i}
                  answer={answers.get(item.id)}
                  current={i === current}
                  photoCount={photosPerItem.get(item.id) ?? 0}
                  onFocus={() => setCurrent(i)}
                  onDirty={markPending}
                  onSave={(result, note) => edit({ field: 'item', itemId: item.id, result, note })}
                />
              ))}
            </Stack>
          )}
        </Section>

        <Section title={t('visit.section.notes')}>
          <DraftArea
            label={t('visit.notes')}
            description={t('visit.notesHint')}
            value={v?.notes ?? ''}
            maxLength={VISIT_LIMITS.notes}
            onSave={(text) => edit({ field: 'notes', value: text })}
            onDirty={markPending}
            testId="visit-notes"
            minRows={3}
          />
          <DraftArea
            label={t('visit.opinion')}
            description={t('visit.opinionHint')}
            value={v?.opinion ?? ''}
            maxLength={VISIT_LIMITS.opinion}
            onSave={(text) => edit({ field: 'opinion', value: text })}
            onDirty={markPending}
            testId="visit-opinion"
            minRows={4}
            inputRef={opinionRef}
            required
          />
        </Section>

        <Section title={t('visit.section.photos')}>
          <Photos
            visit={visit}
            itemOptions={itemOptions}
            criterionOptions={criterionOptions}
            markPending={markPending}
            openFilesRef={openFilesRef}
            store={store}
          />
        </Section>
      </Stack>
    </Container>
  );
}

function Section({ title, aside, children }: { title: string; aside?: React.ReactNode; children: React.ReactNode }): React.JSX.Element {
  return (
    <Stack gap="xs" component="section">
      <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
        <Title order={4}>{title}</Title>
        {aside}
      </Group>
      {children}
    </Stack>
  );
}

function DraftArea({
  label,
  description,
  value,
  maxLength,
  onSave,
  onDirty,
  testId,
  minRows,
  inputRef,
  required,
}: {
  label: string;
  description?: string;
  value: string;
  maxLength: number;
  onSave: (text: string) => void;
  onDirty: () => void;
  testId: string;
  minRows: number;
  inputRef?: React.Ref<HTMLTextAreaElement>;
  required?: boolean;
}): React.JSX.Element {
  const draft = useSavedDraft(value, onSave, onDirty);
  return (
    <Textarea
      ref={inputRef}
      label={label}
      description={description}
      autosize
      minRows={minRows}
      maxRows={16}
      maxLength={maxLength}
      withAsterisk={required}
      value={draft.draft}
      onChange={(e) => draft.change(e.currentTarget.value)}
      onBlur={draft.flush}
      onKeyDown={(e) => {
        if (e.key === 'Escape') e.currentTarget.blur();
      }}
      data-testid={testId}
    />
  );
}

/** Date, place and who was present. */
function Basics({
  visit,
  edit,
  markPending,
}: {
  visit: VisitState;
  edit: (e: VisitEdit) => void;
  markPending: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const v = visit.visit;
  const place = useSavedDraft(v?.place ?? '', (text) => edit({ field: 'place', value: text }), markPending);
  const [date, setDate] = useState(v?.visitedAt ?? '');
  const saveDate = (): void => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(date) && date !== v?.visitedAt) edit({ field: 'visitedAt', value: date });
  };
  useFlushOnLeave(saveDate);
  const [rows, setRows] = useState<Attendee[]>(() => (v?.attendees.length ? v.attendees : []));
  const saved = useRef(JSON.stringify(v?.attendees ?? []));
  const saveRows = (next: Attendee[]): void => {
    // A row without a name is kept on screen until it has one.
    const named = next.filter((r) => r.name.trim()).map((r) => ({ name: r.name.trim(), role: r.role.trim() }));
    const text = JSON.stringify(named);
    if (text === saved.current) return;
    saved.current = text;
    edit({ field: 'attendees', value: named });
  };
  const setRow = (i: number, change: Partial<Attendee>): void => {
    setRows((rs) => rs.map((r, k) => (k === i ? { ...r, ...change } : r)));
    markPending();
  };
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="sm">
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            type="date"
            label={t('visit.visitedAt')}
            withAsterisk
            value={date}
            onChange={(e) => {
              setDate(e.currentTarget.value);
              markPending();
            }}
            // Saved once typed (a date field passes through other dates while its parts are typed).
            onBlur={saveDate}
            onKeyDown={(e) => {
              if (e.key === 'Enter') saveDate();
            }}
            data-testid="visit-date"
            style={{ maxWidth: 200 }}
          />
          <TextInput
            label={t('visit.place')}
            withAsterisk
            placeholder={t('visit.placePlaceholder')}
            value={place.draft}
            maxLength={500}
            onChange={(e) => place.change(e.currentTarget.value)}
            onBlur={place.flush}
            data-testid="visit-place"
          />
        </Group>
        <div>
          <Text size="sm" fw={500}>
            {t('visit.attendees')}
          </Text>
          <Text size="xs" c="dimmed" mb={6}>
            {t('visit.attendeesHint')}
          </Text>
          <Stack gap={6} data-testid="visit-attendees">
            {rows.map((r, i) => (
              <Group key={i} gap="xs" wrap="nowrap">
                <TextInput
                  size="xs"
                  placeholder={t('visit.attendeeName')}
                  aria-label={t('visit.attendeeName')}
                  value={r.name}
                  maxLength={100}
                  onChange={(e) => setRow(i, { name: e.currentTarget.value })}
                  onBlur={() => saveRows(rows)}
                  data-testid={`attendee-${i}-name`}
                  style={{ flex: 1 }}
                />
                <TextInput
                  size="xs"
                  placeholder={t('visit.attendeeRole')}
                  aria-label={t('visit.attendeeRole')}
                  value={r.role}
                  maxLength={200}
                  onChange={(e) => setRow(i, { role: e.currentTarget.value })}
                  onBlur={() => saveRows(rows)}
                  data-testid={`attendee-${i}-role`}
                  style={{ flex: 2 }}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('visit.attendeeRemove')}
                  onClick={() => {
                    const next = rows.filter((_, k) => k !== i);
                    setRows(next);
                    saveRows(next);
                  }}
                >
                  <IconX size={14} />
                </ActionIcon>
              </Group>
            ))}
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconPlus size={14} />}
              onClick={() => setRows((rs) => [...rs, { name: '', role: '' }])}
              disabled={rows.length >= VISIT_LIMITS.attendees}
              data-testid="attendee-add"
              style={{ alignSelf: 'flex-start' }}
            >
              {t('visit.attendeeAdd')}
            </Button>
          </Stack>
        </div>
      </Stack>
    </Paper>
  );
}

function Photos({
  visit,
  itemOptions,
  criterionOptions,
  markPending,
  openFilesRef,
  store,
}: {
  visit: VisitState;
  itemOptions: Option[];
  criterionOptions: Option[];
  markPending: () => void;
  openFilesRef: React.RefObject<(() => void) | null>;
  store: ReturnType<typeof useVisitStore.getState>;
}): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const { packageId, applicationId } = visit;
  const key = visitKey(packageId, applicationId);
  const adding = useVisitStore((s) => s.adding[key] ?? 0);
  const refused = useVisitStore((s) => s.refused[key]) ?? [];
  const [keepOriginal, setKeepOriginal] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [camera, setCamera] = useState(false);
  const add = (files: File[]): void => void store.addPhotos(packageId, applicationId, files, keepOriginal);
  const full = visit.photos.length >= VISIT_LIMITS.maxPhotosPerApplication;

  const viewed: ViewedPhoto[] = useMemo(
    () =>
      visit.photos.map((p) => ({
        key: p.id,
        caption: p.caption,
        rotation: p.rotation,
        url: () => photoUrl(packageId, applicationId, p, 'full'),
      })),
    [visit.photos, packageId, applicationId],
  );
  const toRemove = visit.photos.find((p) => p.id === removing);

  return (
    <Stack gap="sm">
      <Alert color="blue" variant="light" p="xs" data-testid="exif-notice">
        <Text size="sm">{t('visit.exifNotice')}</Text>
        <Checkbox
          mt={6}
          size="xs"
          checked={keepOriginal}
          onChange={(e) => setKeepOriginal(e.currentTarget.checked)}
          label={t('visit.keepOriginal')}
          description={t('visit.keepOriginalHint')}
          data-testid="keep-original"
        />
      </Alert>
      <Dropzone
        onDrop={add}
        onReject={(rejections) =>
          useVisitStore.setState((s) => ({
            refused: {
              ...s.refused,
              [key]: rejections.map((r) => ({
                fileName: r.file.name,
                code: 'E_PHOTO_TYPE',
                message: { 'zh-CN': t('visit.photoTypeRefused', { lng: 'zh-CN' }), en: t('visit.photoTypeRefused', { lng: 'en' }) },
              })),
            },
          }))
        }
        accept={[...PHOTO_MEDIA_TYPES]}
        maxSize={VISIT_LIMITS.maxPhotoBytes}
        loading={adding > 0}
        disabled={full}
        openRef={openFilesRef}
        activateOnClick
        data-testid="photo-dropzone"
        p="md"
      >
        <Group justify="center" gap="md" mih={70} style={{ pointerEvents: 'none' }}>
          <Dropzone.Accept>
            <IconUpload size={36} color="var(--mantine-color-blue-6)" />
          </Dropzone.Accept>
          <Dropzone.Reject>
            <IconX size={36} color="var(--mantine-color-red-6)" />
          </Dropzone.Reject>
          <Dropzone.Idle>
            <IconPhotoPlus size={36} color="var(--mantine-color-dimmed)" />
          </Dropzone.Idle>
          <div>
            <Text size="sm" fw={500}>
              {full ? t('visit.photosFull', { max: VISIT_LIMITS.maxPhotosPerApplication }) : t('visit.dropHere')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('visit.dropLimits', { size: formatBytes(VISIT_LIMITS.maxPhotoBytes), max: VISIT_LIMITS.maxPhotosPerApplication })}
            </Text>
          </div>
        </Group>
      </Dropzone>
      {cameraAvailable() && (
        <Button
          variant="default"
          leftSection={<IconCamera size={16} />}
          onClick={() => setCamera(true)}
          disabled={full}
          style={{ alignSelf: 'flex-start' }}
          data-testid="camera-open"
        >
          {t('visit.camera.open')}
        </Button>
      )}
      {refused.length > 0 && (
        <Alert
          color="red"
          title={t('visit.refusedTitle', { count: refused.length })}
          withCloseButton
          onClose={() => store.dismissRefused(packageId, applicationId)}
          data-testid="photos-refused"
        >
          <Stack gap={2}>
            {refused.map((r, i) => (
              <Text key={i} size="sm">
                <b>{r.fileName}</b>：{r.message[locale] ?? r.message.en} ({r.code})
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {visit.photos.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('visit.noPhotos')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="sm" data-testid="photo-grid">
          {visit.photos.map((p, i) => (
            <PhotoCard
              key={p.id}
              photo={p}
              thumbnail={() => photoUrl(packageId, applicationId, p, 'thumbnail')}
              itemOptions={itemOptions}
              criterionOptions={criterionOptions}
              onOpen={() => setViewing(i)}
              onEdit={(change) => void store.editPhoto(packageId, applicationId, p.id, change)}
              onRemove={() => setRemoving(p.id)}
              onDirty={markPending}
            />
          ))}
        </SimpleGrid>
      )}
      <PhotoViewer
        photos={viewed}
        index={viewing}
        onIndex={setViewing}
        onClose={() => setViewing(null)}
        onRotate={(photo, rotation) => void store.editPhoto(packageId, applicationId, photo.key, { rotation })}
      />
      <Modal
        opened={toRemove !== undefined}
        onClose={() => setRemoving(null)}
        title={t('visit.removeTitle')}
        data-testid="photo-remove-dialog"
      >
        <Stack>
          <Text size="sm">{t('visit.removeBody', { caption: toRemove?.caption || toRemove?.id || '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              leftSection={<IconTrash size={16} />}
              data-testid="photo-remove-confirm"
              onClick={() => {
                if (toRemove) void store.removePhoto(packageId, applicationId, toRemove.id);
                setRemoving(null);
              }}
            >
              {t('visit.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <CameraCapture opened={camera} onClose={() => setCamera(false)} onShot={(f) => add([f])} />
    </Stack>
  );
}
