/**
 * One site-visit photo on the visit screen: its thumbnail, caption, when it was taken (from its EXIF)
 * beside when it was added, the checklist items and criteria it supports, rotate, full view, remove.
 */
import { ActionIcon, Badge, Card, Center, Group, Image, Loader, MultiSelect, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconMapPinOff, IconMapPin, IconMaximize, IconRotateClockwise, IconTrash } from '@tabler/icons-react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitPhotoState } from '../../../shared/ipc/contract.ts';
import { useSavedDraft } from '../../lib/draft.ts';
import { formatBeijing, formatBytes } from '../../lib/format.ts';

export interface Option {
  value: string;
  label: string;
}

/** Loads a photo's object URL (see state/visit.ts photoUrl). */
export function usePhotoUrl(load: () => Promise<string>, key: string): string | null | 'failed' {
  const [url, setUrl] = useState<{ key: string; url: string | 'failed' } | null>(null);
  // `key` names the content: a new load function for the same photo loads nothing again.
  const loader = useRef(load);
  useLayoutEffect(() => {
    loader.current = load;
  });
  useEffect(() => {
    let live = true;
    loader.current().then(
      (u) => live && setUrl({ key, url: u }),
      () => live && setUrl({ key, url: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return url && url.key === key ? url.url : null;
}

export function PhotoCard({
  photo,
  thumbnail,
  itemOptions,
  criterionOptions,
  onOpen,
  onEdit,
  onRemove,
  onDirty,
}: {
  photo: VisitPhotoState;
  thumbnail: () => Promise<string>;
  itemOptions: Option[];
  criterionOptions: Option[];
  onOpen: () => void;
  onEdit: (change: { caption?: string; itemIds?: string[]; criterionIds?: string[]; rotation?: 0 | 90 | 180 | 270 }) => void;
  onRemove: () => void;
  onDirty: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const url = usePhotoUrl(thumbnail, `${photo.sha256}/thumbnail`);
  const caption = useSavedDraft(photo.caption, (text) => onEdit({ caption: text }), onDirty);

  return (
    <Card withBorder padding="xs" radius="md" data-testid={`photo-${photo.id}`} data-path={photo.path}>
      <Card.Section>
        <button
          type="button"
          onClick={onOpen}
          aria-label={t('visit.photo.open', { caption: photo.caption || photo.id })}
          data-testid={`photo-${photo.id}-open`}
          style={{
            display: 'block',
            width: '100%',
            height: 150,
            padding: 0,
            border: 0,
            background: 'var(--mantine-color-gray-1)',
            cursor: 'zoom-in',
            overflow: 'hidden',
          }}
        >
          {url === null ? (
            <Center h="100%">
              <Loader size="sm" />
            </Center>
          ) : url === 'failed' ? (
            <Center h="100%">
              <Text size="xs" c="red">
                {t('visit.photo.failed')}
              </Text>
            </Center>
          ) : (
            <Image
              src={url}
              alt={photo.caption}
              h={150}
              fit="contain"
              style={{ transform: `rotate(${photo.rotation}deg)` }}
              data-testid={`photo-${photo.id}-thumb`}
            />
          )}
        </button>
      </Card.Section>
      <Stack gap={6} mt="xs">
        <TextInput
          size="xs"
          placeholder={t('visit.photo.captionPlaceholder')}
          aria-label={t('visit.photo.caption')}
          value={caption.draft}
          maxLength={500}
          onChange={(e) => caption.change(e.currentTarget.value)}
          onBlur={caption.flush}
          data-testid={`photo-${photo.id}-caption`}
        />
        <Text size="xs" c="dimmed" data-testid={`photo-${photo.id}-times`}>
          {photo.takenAt ? t('visit.photo.takenAt', { time: formatBeijing(photo.takenAt) }) : t('visit.photo.noTakenAt')}
          <br />
          {t('visit.photo.addedAt', { time: formatBeijing(photo.addedAt) })} · {formatBytes(photo.size)}
        </Text>
        <Group gap={4}>
          {photo.keptOriginal ? (
            <Tooltip label={t('visit.photo.keptOriginalHint')} multiline w={260}>
              <Badge size="xs" color="orange" variant="light" leftSection={<IconMapPin size={10} />}>
                {t('visit.photo.keptOriginal')}
              </Badge>
            </Tooltip>
          ) : (
            photo.hadLocation && (
              <Badge size="xs" color="teal" variant="light" leftSection={<IconMapPinOff size={10} />}>
                {t('visit.photo.locationRemoved')}
              </Badge>
            )
          )}
        </Group>
        <MultiSelect
          size="xs"
          label={t('visit.photo.items')}
          data={itemOptions}
          value={photo.itemIds}
          onChange={(v) => onEdit({ itemIds: v })}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid={`photo-${photo.id}-items`}
        />
        <MultiSelect
          size="xs"
          label={t('visit.photo.criteria')}
          data={criterionOptions}
          value={photo.criterionIds}
          onChange={(v) => onEdit({ criterionIds: v })}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid={`photo-${photo.id}-criteria`}
        />
        <Group gap={4} justify="flex-end">
          <Tooltip label={t('visit.viewer.rotate')}>
            <ActionIcon
              variant="default"
              size="sm"
              aria-label={t('visit.viewer.rotate')}
              onClick={() => onEdit({ rotation: ((photo.rotation + 90) % 360) as 0 | 90 | 180 | 270 })}
              data-testid={`photo-${photo.id}-rotate`}
            >
              <IconRotateClockwise size={14} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('visit.photo.fullView')}>
            <ActionIcon variant="default" size="sm" aria-label={t('visit.photo.fullView')} onClick={onOpen}>
              <IconMaximize size={14} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('visit.photo.remove')}>
            <ActionIcon
              variant="default"
              color="red"
              size="sm"
              aria-label={t('visit.photo.remove')}
              onClick={onRemove}
              data-testid={`photo-${photo.id}-remove`}
            >
              <IconTrash size={14} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Stack>
    </Card>
  );
}
