/**
 * The site visit's findings for the criterion being scored, on the review screen: the photos linked to
 * the criterion (on the visit screen, or cited in its evidence) and the checklist items its evidence cites,
 * each with its result and note. A photo opens at full size.
 */
import { Anchor, Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconMapPinCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CriterionState, VisitState } from '../../../shared/ipc/contract.ts';
import { pick } from '../../../shared/i18n-text.ts';
import { useLocale } from '../../i18n/index.ts';
import { hrefFor } from '../../router.ts';
import { photoUrl } from '../../state/visit.ts';
import { usePhotoUrl } from './PhotoCard.tsx';

const COLOR = { meets: 'green', fails: 'red', na: 'gray' } as const;

function Thumb({
  visit,
  photo,
  onOpen,
}: {
  visit: VisitState;
  photo: VisitState['photos'][number];
  onOpen: () => void;
}): React.JSX.Element {
  const url = usePhotoUrl(() => photoUrl(visit.packageId, visit.applicationId, photo, 'thumbnail'), `${photo.sha256}/thumbnail`);
  return (
    <UnstyledButton onClick={onOpen} data-testid={`finding-photo-${photo.id}`} style={{ width: 120 }}>
      <div style={{ width: 120, height: 84, background: 'var(--mantine-color-gray-1)', overflow: 'hidden', borderRadius: 4 }}>
        {url && url !== 'failed' && (
          <img
            src={url}
            alt={photo.caption}
            style={{ width: '100%', height: '100%', objectFit: 'cover', transform: `rotate(${photo.rotation}deg)` }}
          />
        )}
      </div>
      <Text size="xs" lineClamp={2} mt={2}>
        {photo.caption || photo.id}
      </Text>
    </UnstyledButton>
  );
}

export function VisitFindings({
  visit,
  criterionId,
  evidence,
  onOpenPhoto,
}: {
  visit: VisitState | undefined;
  criterionId: string;
  evidence: CriterionState['evidence'];
  onOpenPhoto: (path: string) => void;
}): React.JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!visit) return null;
  const cited = new Set(evidence.flatMap((r) => ('photo' in r ? [r.photo] : [])));
  const citedItems = new Set(evidence.flatMap((r) => ('siteVisitItem' in r ? [r.siteVisitItem] : [])));
  const photos = visit.photos.filter((p) => p.criterionIds.includes(criterionId) || cited.has(p.path));
  // The items the evidence cites, and those the criterion's photos were taken for.
  for (const p of photos) for (const id of p.itemIds) citedItems.add(id);
  const answers = new Map((visit.visit?.items ?? []).map((x) => [x.id, x]));
  const items = visit.checklist.filter((x) => citedItems.has(x.id));
  const link = hrefFor({ name: 'visit', packageId: visit.packageId, applicationId: visit.applicationId });
  return (
    <Paper withBorder p="sm" radius="md" data-testid="visit-findings" data-count={photos.length + items.length}>
      <Group justify="space-between" mb={6}>
        <Group gap={6}>
          <IconMapPinCheck size={16} />
          <Text size="sm" fw={600}>
            {t('visit.findings.title')}
          </Text>
        </Group>
        <Anchor href={link} size="xs" data-testid="open-visit">
          {t('visit.findings.open')}
        </Anchor>
      </Group>
      {photos.length === 0 && items.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('visit.findings.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {items.map((x) => {
            const a = answers.get(x.id);
            return (
              <Group key={x.id} gap={6} align="flex-start" wrap="nowrap" data-testid={`finding-item-${x.id}`}>
                <Badge size="sm" variant="light" style={{ flex: 'none' }}>
                  {x.id}
                </Badge>
                <Text size="xs" style={{ flex: 1 }}>
                  {pick(x.title, locale)}
                  {a?.note ? ` — ${a.note}` : ''}
                </Text>
                {a && (
                  <Badge size="sm" color={COLOR[a.result]} style={{ flex: 'none' }}>
                    {t(`visit.result.${a.result}`)}
                  </Badge>
                )}
              </Group>
            );
          })}
          {photos.length > 0 && (
            <Group gap="xs" align="flex-start">
              {photos.map((p) => (
                <Thumb key={p.id} visit={visit} photo={p} onOpen={() => onOpenPhoto(p.path)} />
              ))}
            </Group>
          )}
        </Stack>
      )}
    </Paper>
  );
}
