/**
 * A photo at full size: zoom (buttons, the wheel, + / − / 0), rotate (R, saved with the photo as its
 * viewing rotation; the file itself is never re-encoded), previous and next (← / →).
 */
import { ActionIcon, Box, Center, Group, Loader, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconRotateClockwise, IconZoomIn, IconZoomOut, IconZoomReset } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ViewedPhoto {
  key: string;
  caption: string;
  url: () => Promise<string>;
  rotation: 0 | 90 | 180 | 270;
  details?: React.ReactNode;
}

const ZOOMS = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4];

export function PhotoViewer({
  photos,
  index,
  onIndex,
  onClose,
  onRotate,
}: {
  photos: ViewedPhoto[];
  index: number | null;
  onIndex: (i: number) => void;
  onClose: () => void;
  /** Absent where the photo is only read (the secretariat's merge). */
  onRotate?: (photo: ViewedPhoto, rotation: 0 | 90 | 180 | 270) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const photo = index === null ? undefined : photos[index];
  const [src, setSrc] = useState<{ key: string; url: string } | null>(null);
  const [failed, setFailed] = useState(false);
  const [zoom, setZoom] = useState(1);
  const [fit, setFit] = useState(true);
  const [natural, setNatural] = useState(0);

  useEffect(() => {
    if (!photo) return;
    let live = true;
    setFailed(false);
    photo.url().then(
      (url) => live && setSrc({ key: photo.key, url }),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [photo]);
  useEffect(() => {
    setFit(true);
    setZoom(1);
  }, [index]);

  const step = (dir: 1 | -1): void => {
    setFit(false);
    setZoom((z) => {
      const i = ZOOMS.findIndex((x) => x >= z - 1e-9);
      return ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, (i < 0 ? ZOOMS.length - 1 : i) + dir))] ?? z;
    });
  };
  const rotate = (): void => {
    if (photo && onRotate) onRotate(photo, ((photo.rotation + 90) % 360) as 0 | 90 | 180 | 270);
  };
  const go = (d: number): void => {
    if (index !== null && photos.length > 0) onIndex((index + d + photos.length) % photos.length);
  };

  const onKey = (e: React.KeyboardEvent): void => {
    if (e.key === '+' || e.key === '=') step(1);
    else if (e.key === '-') step(-1);
    else if (e.key === '0') setFit(true);
    else if (e.key === 'r' || e.key === 'R') rotate();
    else if (e.key === 'ArrowRight') go(1);
    else if (e.key === 'ArrowLeft') go(-1);
    else return;
    e.preventDefault();
  };

  const sideways = photo ? photo.rotation % 180 !== 0 : false;
  const shown = src && photo && src.key === photo.key ? src.url : null;
  return (
    <Modal
      opened={photo !== undefined}
      onClose={onClose}
      size="auto"
      fullScreen
      title={photo ? photo.caption || t('visit.photo.untitled') : ''}
      onKeyDown={onKey}
      data-testid="photo-viewer"
    >
      {photo && (
        <Stack gap="xs" h="calc(100vh - 90px)">
          <Group justify="space-between" wrap="wrap">
            <Group gap={4}>
              <Tooltip label={t('visit.viewer.previous')}>
                <ActionIcon variant="default" onClick={() => go(-1)} aria-label={t('visit.viewer.previous')} disabled={photos.length < 2}>
                  <IconChevronLeft size={18} />
                </ActionIcon>
              </Tooltip>
              <Text size="sm" c="dimmed">
                {(index ?? 0) + 1} / {photos.length}
              </Text>
              <Tooltip label={t('visit.viewer.next')}>
                <ActionIcon variant="default" onClick={() => go(1)} aria-label={t('visit.viewer.next')} disabled={photos.length < 2}>
                  <IconChevronRight size={18} />
                </ActionIcon>
              </Tooltip>
            </Group>
            <Group gap={4}>
              <Tooltip label={t('visit.viewer.zoomOut')}>
                <ActionIcon variant="default" onClick={() => step(-1)} aria-label={t('visit.viewer.zoomOut')} data-testid="viewer-zoom-out">
                  <IconZoomOut size={18} />
                </ActionIcon>
              </Tooltip>
              <Text size="sm" w={56} ta="center" data-testid="viewer-zoom">
                {fit ? t('visit.viewer.fit') : `${Math.round(zoom * 100)}%`}
              </Text>
              <Tooltip label={t('visit.viewer.zoomIn')}>
                <ActionIcon variant="default" onClick={() => step(1)} aria-label={t('visit.viewer.zoomIn')} data-testid="viewer-zoom-in">
                  <IconZoomIn size={18} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('visit.viewer.fitHint')}>
                <ActionIcon variant="default" onClick={() => setFit(true)} aria-label={t('visit.viewer.fit')}>
                  <IconZoomReset size={18} />
                </ActionIcon>
              </Tooltip>
              {onRotate && (
                <Tooltip label={t('visit.viewer.rotate')}>
                  <ActionIcon variant="default" onClick={rotate} aria-label={t('visit.viewer.rotate')} data-testid="viewer-rotate">
                    <IconRotateClockwise size={18} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          </Group>
          {photo.details}
          <Box
            style={{ flex: 1, minHeight: 0, overflow: 'auto', background: 'var(--mantine-color-dark-8)', borderRadius: 4 }}
            onWheel={(e) => {
              if (!e.ctrlKey && !e.metaKey) return;
              e.preventDefault();
              step(e.deltaY < 0 ? 1 : -1);
            }}
          >
            {failed ? (
              <Center h="100%">
                <Text c="red.3">{t('visit.photo.failed')}</Text>
              </Center>
            ) : !shown ? (
              <Center h="100%">
                <Loader color="gray" />
              </Center>
            ) : (
              <Center mih="100%" miw="100%" style={{ padding: 8 }}>
                <img
                  src={shown}
                  alt={photo.caption}
                  data-testid="viewer-image"
                  onLoad={(e) => setNatural(e.currentTarget.naturalWidth)}
                  style={{
                    transform: `rotate(${photo.rotation}deg)`,
                    ...(fit
                      ? sideways
                        ? { maxWidth: 'calc(100vh - 160px)', maxHeight: 'calc(100vw - 80px)' }
                        : { maxWidth: '100%', maxHeight: 'calc(100vh - 160px)' }
                      : { width: natural ? natural * zoom : `${zoom * 100}%`, maxWidth: 'none' }),
                    imageOrientation: 'from-image',
                  }}
                />
              </Center>
            )}
          </Box>
        </Stack>
      )}
    </Modal>
  );
}
