/**
 * Site-visit photos on the secretariat's side: a thumbnail (read from the kept score file on the Node side,
 * checked against its signed SHA-256) and the full view — zoom, rotation, the photo's caption, times, the
 * checklist items and criteria it supports, and 引用此照片, which cites it in the application's consensus form.
 */
import { ActionIcon, Badge, Button, Center, Group, Loader, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { useElementSize, useHotkeys } from '@mantine/hooks';
import {
  IconChevronLeft,
  IconChevronRight,
  IconMaximize,
  IconPhotoOff,
  IconQuote,
  IconRotate2,
  IconRotateClockwise2,
  IconZoomIn,
  IconZoomOut,
} from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeVisitPhoto, MergeVisits } from '../../../shared/ipc/contract.ts';
import { pick } from '../../../shared/i18n-text.ts';
import type { Rubric } from '../../../shared/rubric/model.ts';
import { type ApiError, toApiError } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatBeijing } from '../../lib/format.ts';
import { photoUrl, sameRef, useMergeStore, type PhotoRef } from '../../state/merge.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { criteriaById } from './labels.ts';

/** Titles of the checklist items and of the rubric's criteria and basic conditions, by id. */
export function supportTitles(
  visits: MergeVisits,
  rubric: Rubric,
): { items: Map<string, MergeVisits['items'][number]['title']>; criteria: Map<string, MergeVisits['items'][number]['title']> } {
  const crit = criteriaById(rubric);
  return {
    items: new Map(visits.items.map((x) => [x.id, x.title])),
    criteria: new Map([
      ...rubric.gates.map((g) => [g.id, g.title] as const),
      ...[...crit].map(([id, c]) => [id, c.criterion.title] as const),
    ]),
  };
}

/** A time as the round's clock shows it: Beijing time, labelled. */
export function useBeijing(): (iso: string) => string {
  const { t } = useTranslation();
  return (iso) => t('merge.visits.beijing', { at: formatBeijing(iso) });
}

/** An object URL of the photo's thumbnail, or the error that refused it. */
function useThumbnail(ref: PhotoRef, photo: MergeVisitPhoto): { url: string | null; failed: boolean } {
  const [state, setState] = useState<{ key: string; url: string | null; failed: boolean }>({ key: '', url: null, failed: false });
  const key = `${ref.applicationId} ${ref.expertFingerprint} ${ref.path} ${photo.sha256} ${photo.rotation}`;
  useEffect(() => {
    let alive = true;
    photoUrl(ref, photo, 'thumbnail').then(
      (url) => alive && setState({ key, url, failed: false }),
      () => alive && setState({ key, url: null, failed: true }),
    );
    return () => {
      alive = false;
    };
    // The key names everything the request depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state.key === key ? state : { url: null, failed: false };
}

/** A photo's thumbnail as a button that opens the full view. */
export function PhotoThumb({
  refTo,
  photo,
  label,
  height = 150,
  testId,
}: {
  refTo: PhotoRef;
  photo: MergeVisitPhoto;
  label: string;
  height?: number;
  testId?: string;
}): React.JSX.Element {
  const { t } = useTranslation();
  const openPhoto = useMergeStore((s) => s.openPhoto);
  const { url, failed } = useThumbnail(refTo, photo);
  return (
    <button
      type="button"
      onClick={() => openPhoto(refTo)}
      aria-label={label}
      title={label}
      data-testid={testId}
      data-loaded={url ? 'true' : 'false'}
      style={{
        display: 'block',
        width: '100%',
        height,
        padding: 0,
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 6,
        background: 'var(--mantine-color-gray-1)',
        cursor: 'zoom-in',
        overflow: 'hidden',
      }}
    >
      {url ? (
        <img src={url} alt={label} style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }} />
      ) : failed ? (
        <Center h="100%">
          <Stack gap={2} align="center">
            <IconPhotoOff size={20} color="var(--mantine-color-gray-6)" />
            <Text size="xs" c="dimmed">
              {t('merge.visits.unavailable')}
            </Text>
          </Stack>
        </Center>
      ) : (
        <Center h="100%">
          <Loader size="sm" />
        </Center>
      )}
    </button>
  );
}

const ZOOMS = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8];

/** The full view of the photo the store's `viewer` names, over the application's visits. */
export function PhotoViewer({ visits, rubric }: { visits: MergeVisits | undefined; rubric: Rubric }): React.JSX.Element {
  const { t } = useTranslation();
  const viewer = useMergeStore((s) => s.viewer);
  const closePhoto = useMergeStore((s) => s.closePhoto);
  const open = viewer !== null && visits !== undefined && viewer.applicationId === visits.applicationId;
  const expert = open ? visits.experts.find((e) => e.fingerprint === viewer.expertFingerprint) : undefined;
  const index = expert && viewer ? expert.photos.findIndex((p) => p.path === viewer.path) : -1;
  const photo = expert?.photos[index];
  return (
    <Modal
      opened={open}
      onClose={closePhoto}
      size="min(1400px, calc(100vw - 48px))"
      centered
      title={
        expert && photo
          ? t('merge.visits.viewer.title', { expert: `${expert.expertId} ${expert.name}`, n: index + 1, total: expert.photos.length })
          : ''
      }
      data-testid="photo-viewer"
    >
      {open && expert && photo && viewer && (
        <ViewerBody
          key={`${viewer.expertFingerprint} ${photo.path}`}
          refTo={viewer}
          visits={visits}
          rubric={rubric}
          expert={expert}
          index={index}
        />
      )}
    </Modal>
  );
}

function ViewerBody({
  refTo,
  visits,
  rubric,
  expert,
  index,
}: {
  refTo: PhotoRef;
  visits: MergeVisits;
  rubric: Rubric;
  expert: MergeVisits['experts'][number];
  index: number;
}): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const beijing = useBeijing();
  const photo = expert.photos[index]!;
  const openPhoto = useMergeStore((s) => s.openPhoto);
  const toggleCitation = useMergeStore((s) => s.toggleCitation);
  const cited = useMergeStore((s) => s.evidence?.applicationId === refTo.applicationId && s.evidence.list.some((c) => sameRef(c, refTo)));
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [natural, setNatural] = useState<{ w: number; h: number } | null>(null);
  const [zoom, setZoom] = useState(1);
  const [turn, setTurn] = useState(0);
  const { ref: box, width: boxW, height: boxH } = useElementSize();

  useEffect(() => {
    let alive = true;
    let made: string | null = null;
    photoUrl(refTo, photo, 'full').then(
      (u) => {
        made = u;
        if (alive) setUrl(u);
        else URL.revokeObjectURL(u);
      },
      (e: unknown) => alive && setError(toApiError(e)),
    );
    return () => {
      alive = false;
      if (made) URL.revokeObjectURL(made);
    };
    // This body is keyed by the photo: it asks once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const go = (k: number): void => {
    const p = expert.photos[k];
    if (p) openPhoto({ ...refTo, path: p.path });
  };
  const zoomIn = (): void => setZoom((z) => ZOOMS.find((x) => x > z + 1e-9) ?? z);
  const zoomOut = (): void => setZoom((z) => [...ZOOMS].reverse().find((x) => x < z - 1e-9) ?? z);
  const rotate = (d: number): void => setTurn((r) => (r + d + 360) % 360);
  useHotkeys([
    ['=', zoomIn],
    ['shift+=', zoomIn],
    ['-', zoomOut],
    ['0', () => setZoom(1)],
    ['r', () => rotate(90)],
    ['shift+r', () => rotate(-90)],
    ['ArrowLeft', () => go(index - 1)],
    ['ArrowRight', () => go(index + 1)],
  ]);

  // The photo turned upright by the browser (EXIF orientation), then by the expert's rotation and the viewer's.
  const r = (photo.rotation + turn) % 360;
  const nw = natural?.w ?? 0;
  const nh = natural?.h ?? 0;
  const [rw, rh] = r % 180 ? [nh, nw] : [nw, nh];
  const fit = natural && boxW > 0 && boxH > 0 ? Math.min(boxW / rw, boxH / rh, 1) : 1;
  const scale = fit * zoom;
  const titles = supportTitles(visits, rubric);
  const size = photo.size >= 1 << 20 ? `${(photo.size / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(photo.size / 1024))} KB`;

  const tool = (label: string, icon: React.ReactNode, onClick: () => void, testId: string, disabled = false): React.JSX.Element => (
    <Tooltip label={label} withArrow>
      <ActionIcon variant="default" size="lg" onClick={onClick} aria-label={label} data-testid={testId} disabled={disabled}>
        {icon}
      </ActionIcon>
    </Tooltip>
  );

  return (
    <Group align="flex-start" gap="md" wrap="nowrap">
      <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} justify="space-between">
          <Group gap={6}>
            {tool(t('merge.visits.viewer.zoomOut'), <IconZoomOut size={18} />, zoomOut, 'viewer-zoom-out', zoom <= ZOOMS[0]!)}
            <Text size="sm" ff="monospace" w={56} ta="center" data-testid="viewer-zoom">
              {Math.round(scale * 100)}%
            </Text>
            {tool(t('merge.visits.viewer.zoomIn'), <IconZoomIn size={18} />, zoomIn, 'viewer-zoom-in', zoom >= ZOOMS.at(-1)!)}
            {tool(t('merge.visits.viewer.fit'), <IconMaximize size={18} />, () => setZoom(1), 'viewer-fit')}
            {tool(t('merge.visits.viewer.rotateLeft'), <IconRotate2 size={18} />, () => rotate(-90), 'viewer-rotate-left')}
            {tool(t('merge.visits.viewer.rotateRight'), <IconRotateClockwise2 size={18} />, () => rotate(90), 'viewer-rotate-right')}
          </Group>
          <Group gap={6}>
            {tool(t('merge.visits.viewer.prev'), <IconChevronLeft size={18} />, () => go(index - 1), 'viewer-prev', index === 0)}
            {tool(
              t('merge.visits.viewer.next'),
              <IconChevronRight size={18} />,
              () => go(index + 1),
              'viewer-next',
              index === expert.photos.length - 1,
            )}
          </Group>
        </Group>
        <div
          ref={box}
          data-testid="viewer-stage"
          style={{ height: 'calc(100vh - 230px)', minHeight: 280, overflow: 'auto', background: '#1f2329', borderRadius: 6 }}
        >
          {error ? (
            <Center h="100%" p="md">
              <ErrorAlert error={error} />
            </Center>
          ) : (
            <div style={{ position: 'relative', width: Math.max(rw * scale, boxW), height: Math.max(rh * scale, boxH) }}>
              {!natural && (
                <Center pos="absolute" inset={0}>
                  <Loader color="gray.3" />
                </Center>
              )}
              {url && (
                <img
                  src={url}
                  alt={photo.caption || t('merge.visits.photo', { n: index + 1 })}
                  data-testid="viewer-image"
                  data-rotation={r}
                  data-scale={scale.toFixed(3)}
                  onLoad={(e) => setNatural({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
                  style={{
                    position: 'absolute',
                    left: '50%',
                    top: '50%',
                    width: natural ? nw * scale : undefined,
                    height: natural ? nh * scale : undefined,
                    transform: `translate(-50%, -50%) rotate(${r}deg)`,
                    visibility: natural ? 'visible' : 'hidden',
                    maxWidth: 'none',
                  }}
                />
              )}
            </div>
          )}
        </div>
        <Text size="xs" c="dimmed">
          {t('merge.visits.viewer.keys')}
        </Text>
      </Stack>
      <Stack gap="sm" w={280} style={{ flexShrink: 0 }} data-testid="viewer-info">
        <div>
          <Text fw={600} size="sm">
            {t('merge.visits.photo', { n: index + 1 })}
            {'\u3000'}
            {photo.caption.trim() || t('merge.visits.noCaption')}
          </Text>
          <Text size="xs" c="dimmed">
            {expert.expertId} {expert.name}
            {expert.organisation ? ` · ${expert.organisation}` : ''}
          </Text>
        </div>
        <Stack gap={2}>
          <Text size="xs">{photo.takenAt ? t('merge.visits.taken', { at: beijing(photo.takenAt) }) : t('merge.visits.takenUnknown')}</Text>
          <Text size="xs">{t('merge.visits.added', { at: beijing(photo.addedAt) })}</Text>
        </Stack>
        <Supports label={t('merge.visits.supportsItems')} ids={photo.itemIds} titles={titles.items} locale={locale} />
        <Supports label={t('merge.visits.supportsCriteria')} ids={photo.criterionIds} titles={titles.criteria} locale={locale} />
        <div>
          <Text size="xs" c="dimmed">
            {t('merge.visits.viewer.size')} {size} · {photo.mediaType}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace" title={photo.sha256}>
            SHA-256 {photo.sha256.slice(0, 16)}…
          </Text>
          <Text size="xs" c="green.8">
            {t('merge.visits.viewer.checked')}
          </Text>
          {photo.keptOriginal && (
            <Text size="xs" c="orange.8">
              {t('merge.visits.keptOriginal')}
            </Text>
          )}
        </div>
        <Stack gap={4}>
          <Button
            leftSection={<IconQuote size={16} />}
            variant={cited ? 'light' : 'filled'}
            color={cited ? 'gray' : 'blue'}
            onClick={() => toggleCitation(refTo)}
            data-testid="viewer-cite"
            data-cited={cited}
          >
            {cited ? t('merge.visits.viewer.uncite') : t('merge.visits.viewer.cite')}
          </Button>
          {cited && (
            <Badge color="blue" variant="light" data-testid="viewer-cited">
              {t('merge.visits.cited')}
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            {t('merge.visits.viewer.citeHint')}
          </Text>
        </Stack>
      </Stack>
    </Group>
  );
}

/** The checklist items or criteria a photo supports, each with its title. */
export function Supports({
  label,
  ids,
  titles,
  locale,
}: {
  label: string;
  ids: readonly string[];
  titles: ReadonlyMap<string, MergeVisits['items'][number]['title']>;
  locale: ReturnType<typeof useLocale>;
}): React.JSX.Element | null {
  if (!ids.length) return null;
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      {ids.map((id) => {
        const title = titles.get(id);
        return (
          <Text key={id} size="xs" lineClamp={2} title={title ? pick(title, locale) : id}>
            <Text span ff="monospace" size="xs" fw={600}>
              {id}
            </Text>{' '}
            {title ? pick(title, locale) : ''}
          </Text>
        );
      })}
    </div>
  );
}
