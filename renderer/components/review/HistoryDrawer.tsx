/** The audit history of one application: every edit, old → new, and restoring an old value. */
import { Badge, Button, Drawer, Group, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconArrowRight } from '@tabler/icons-react';
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/ipc/contract.ts';
import { pick } from '../../../shared/i18n-text.ts';
import type { Rubric } from '../../../shared/rubric/model.ts';
import { useLocale } from '../../i18n/index.ts';
import { baseName, formatDateTime, formatScore } from '../../lib/format.ts';
import { reviewKey, useReviewStore } from '../../state/review.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

const RESTORABLE = new Set(['score', 'comment', 'evidence', 'opinion', 'recommendation', 'additionalRecommendations']);

/** A stored JSON value as the reviewer reads it. */
function useShowValue(rubric: Rubric): (entry: AuditEntry, json: string | null) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  return (entry, json) => {
    if (json === null) return t('history.none');
    let v: unknown;
    try {
      v = JSON.parse(json);
    } catch {
      return json;
    }
    if (v === null || v === '') return t('history.emptyValue');
    if (entry.field === 'score' && typeof v === 'number') {
      const isGate = rubric.gates.some((g) => g.id === entry.criterionId);
      return isGate ? (v === 1 ? t('gate.pass') : t('gate.fail')) : formatScore(v);
    }
    if (entry.field === 'recommendation' && typeof v === 'string') {
      const r = rubric.recommendations.find((x) => x.id === v);
      return r ? pick(r.label, locale) : v;
    }
    if (entry.field === 'additionalRecommendations' && Array.isArray(v)) {
      const label = (id: unknown): string => {
        const r = rubric.recommendations.find((x) => x.id === id);
        return r ? pick(r.label, locale) : String(id);
      };
      return v.map(label).join('；') || t('history.emptyValue');
    }
    if (entry.field === 'evidence' && Array.isArray(v)) {
      return (
        (v as { file: string; page?: number }[]).map((r) => `${baseName(r.file)}${r.page ? ` p.${r.page}` : ''}`).join('; ') ||
        t('history.emptyValue')
      );
    }
    if (typeof v === 'string') return v;
    if (v && typeof v === 'object' && 'status' in v) {
      const c = v as { status: string; reason?: string };
      return c.status === 'recused' ? `${t('conflict.recusedBadge')}: ${c.reason ?? ''}` : t('conflict.none');
    }
    return json;
  };
}

export const HistoryDrawer = memo(function HistoryDrawer({
  opened,
  onClose,
  packageId,
  applicationId,
  rubric,
  onJump,
}: {
  opened: boolean;
  onClose: () => void;
  packageId: string;
  applicationId: string;
  rubric: Rubric;
  onJump: (criterionId: string) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const key = reviewKey(packageId, applicationId);
  const entries = useReviewStore((s) => s.history[key]);
  const error = useReviewStore((s) => s.historyError);
  const loadHistory = useReviewStore((s) => s.loadHistory);
  const restore = useReviewStore((s) => s.restore);
  const [busy, setBusy] = useState<number | null>(null);
  const show = useShowValue(rubric);
  const titleOf = (id: string | null): string => {
    if (!id) return '';
    const c = [...rubric.gates, ...rubric.dimensions.flatMap((d) => d.criteria)].find((x) => x.id === id);
    return c ? `${c.id} ${pick(c.title, locale)}` : id;
  };
  useEffect(() => {
    if (opened) void loadHistory(packageId, applicationId);
  }, [opened, loadHistory, packageId, applicationId]);

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={480}
      title={t('history.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="history-panel"
    >
      {error && <ErrorAlert error={error} />}
      {!entries ? (
        <Loader size="sm" />
      ) : entries.length === 0 ? (
        <Text c="dimmed">{t('history.empty')}</Text>
      ) : (
        // Autosize content is at least its min-content wide: long rows pushed dates and buttons out of the drawer.
        <ScrollArea.Autosize mah="calc(100vh - 90px)" scrollbars="y" styles={{ content: { minWidth: 0 } }}>
          <Stack gap="xs" pr="sm">
            {entries.map((e) => (
              <Stack
                key={e.id}
                gap={4}
                p="xs"
                data-testid={`history-${e.id}`}
                style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
              >
                <Group justify="space-between" wrap="nowrap">
                  <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                    <Badge size="sm" variant="light" style={{ textTransform: 'none', flex: 'none' }}>
                      {t(`history.field.${e.field}`, { defaultValue: e.field })}
                    </Badge>
                    {e.criterionId && (
                      <Text
                        size="xs"
                        c="blue.8"
                        truncate
                        component="button"
                        type="button"
                        onClick={() => e.criterionId && onJump(e.criterionId)}
                        style={{ background: 'none', border: 0, cursor: 'pointer', padding: 0 }}
                      >
                        {titleOf(e.criterionId)}
                      </Text>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" style={{ flex: 'none' }}>
                    {formatDateTime(e.at, locale)}
                  </Text>
                </Group>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Text
                    size="sm"
                    c="dimmed"
                    td="line-through"
                    lineClamp={3}
                    style={{ flex: 1, minWidth: 0 }}
                    data-testid={`history-old-${e.id}`}
                  >
                    {show(e, e.oldValue)}
                  </Text>
                  <IconArrowRight size={14} style={{ flex: 'none', marginTop: 3 }} />
                  <Text size="sm" lineClamp={3} style={{ flex: 1, minWidth: 0 }} data-testid={`history-new-${e.id}`}>
                    {show(e, e.newValue)}
                  </Text>
                </Group>
                {RESTORABLE.has(e.field) && (
                  <Group justify="flex-end">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      leftSection={<IconArrowBackUp size={14} />}
                      loading={busy === e.id}
                      onClick={() => {
                        setBusy(e.id);
                        void restore(packageId, applicationId, e.id).finally(() => setBusy(null));
                      }}
                      data-testid={`restore-${e.id}`}
                    >
                      {t('history.restore')}
                    </Button>
                  </Group>
                )}
              </Stack>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Drawer>
  );
});
