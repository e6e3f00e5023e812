/** "Saved ✓ hh:mm:ss" only after the Node side acknowledged the commit; "saving…" until then. */
import { Group, Loader, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.ts';
import { formatTime } from '../../lib/format.ts';
import { type SaveStatus as Status, reviewKey, useReviewStore } from '../../state/review.ts';

export function SaveStatus({ packageId, applicationId }: { packageId: string; applicationId: string }): React.JSX.Element {
  const status = useReviewStore((s) => s.save[reviewKey(packageId, applicationId)]) ?? { state: 'idle' as const };
  return <SaveStatusView status={status} />;
}

/** The indicator for any store that saves one acknowledged change at a time (the review, the site visit). */
export function SaveStatusView({ status }: { status: Status }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  let content: React.ReactNode;
  switch (status.state) {
    case 'idle':
      content = (
        <Text size="sm" c="dimmed">
          {t('save.idle')}
        </Text>
      );
      break;
    case 'pending':
      content = (
        <Group gap={4} wrap="nowrap">
          <IconPencil size={16} color="var(--mantine-color-gray-6)" />
          <Text size="sm" c="dimmed">
            {t('save.pending')}
          </Text>
        </Group>
      );
      break;
    case 'saving':
      content = (
        <Group gap={6} wrap="nowrap">
          <Loader size={14} />
          <Text size="sm" c="dimmed">
            {t('save.saving')}
          </Text>
        </Group>
      );
      break;
    case 'saved':
      content = (
        <Group gap={4} wrap="nowrap">
          <IconCircleCheck size={16} color="var(--mantine-color-green-7)" />
          <Text size="sm" c="green.8">
            {t('save.saved', { time: formatTime(status.at) })}
          </Text>
        </Group>
      );
      break;
    case 'error':
      content = (
        <Tooltip label={`${status.error.code}: ${status.error.text(locale)}`} multiline w={360}>
          <Group gap={4} wrap="nowrap">
            <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" />
            <Text size="sm" c="red.8" fw={600}>
              {t('save.failed', { code: status.error.code })}
            </Text>
          </Group>
        </Tooltip>
      );
      break;
  }
  return (
    <div data-testid="save-status" data-state={status.state} role="status" aria-live="polite">
      {content}
    </div>
  );
}
