/**
 * The review screen's header bar: where the reviewer is, the running total and
 * grade (shared/review/total.ts, the function the Node side reports with every
 * save), the failed gates, the save state, and the way to the history, the
 * dossier and the finish screen. Memoised, so moving between criteria leaves
 * it alone.
 */
import { ActionIcon, Badge, Box, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconFileText, IconHistory } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageDetail } from '../../../shared/ipc/contract.ts';
import { pick } from '../../../shared/i18n-text.ts';
import type { RunningTotal } from '../../../shared/review/total.ts';
import { SaveStatus } from '../../components/review/SaveStatus.tsx';
import { useLocale } from '../../i18n/index.ts';
import { formatTotal } from '../../lib/format.ts';
import { hrefFor } from '../../router.ts';
import { PackageCrumbs } from '../PackageScreen.tsx';
import { rubricFor } from '../../lib/criteria.ts';

export const ReviewHeader = memo(function ReviewHeader({
  detail,
  applicationId,
  total,
  onHistory,
  onDossier,
}: {
  detail: PackageDetail;
  applicationId: string;
  total: RunningTotal;
  onHistory: () => void;
  /** Opens the first dossier file; absent while the viewer is open or there is none. */
  onDossier: (() => void) | undefined;
}): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const packageId = detail.summary.packageId;
  const rubric = rubricFor(detail, applicationId);
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
