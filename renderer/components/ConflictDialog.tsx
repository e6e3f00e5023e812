/** Recusal (回避) from an application, with a reason; the application is locked afterwards. */
import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationSummary } from '../../shared/ipc/contract.ts';
import { pick } from '../../shared/i18n-text.ts';
import { type ApiError, toApiError } from '../api/client.ts';
import { useLocale } from '../i18n/index.ts';
import { usePackageStore } from '../state/packages.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

/** Standard reasons, recorded in both languages so the secretariat reads them either way. */
export const RECUSAL_REASONS = [
  { id: 'sameOrganisation', zh: '同一单位', en: 'Same organisation' },
  { id: 'collaboration', zh: '近三年合作', en: 'Collaboration in the past three years' },
  { id: 'relative', zh: '亲属关系', en: 'Family relationship' },
  { id: 'other', zh: '其他', en: 'Other' },
] as const;

export function ConflictDialog({
  packageId,
  application,
  onClose,
}: {
  packageId: string;
  application: ApplicationSummary | null;
  onClose: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const declare = usePackageStore((s) => s.declareConflict);
  const [reason, setReason] = useState<string>('sameOrganisation');
  const [details, setDetails] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    setReason('sameOrganisation');
    setDetails('');
    setError(null);
  }, [application?.id]);
  const chosen = RECUSAL_REASONS.find((r) => r.id === reason) ?? RECUSAL_REASONS[0];
  const needsDetails = chosen.id === 'other' && !details.trim();
  const submit = async (): Promise<void> => {
    if (!application || needsDetails) return;
    setBusy(true);
    setError(null);
    try {
      const text = `${chosen.zh} / ${chosen.en}${details.trim() ? `: ${details.trim()}` : ''}`;
      await declare(packageId, application.id, 'recused', text);
      onClose();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened={!!application}
      onClose={onClose}
      title={t('conflict.dialogTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {application && (
        <Stack>
          <Text fw={600}>{pick(application.name, locale)}</Text>
          <Text size="sm" c="dimmed">
            {pick(application.organisation, locale)}
          </Text>
          <Radio.Group value={reason} onChange={setReason} label={t('conflict.reasonLabel')} data-testid="recuse-reason">
            <Stack gap={8} mt={6}>
              {RECUSAL_REASONS.map((r) => (
                <Radio key={r.id} value={r.id} label={t(`conflict.reason.${r.id}`)} data-testid={`recuse-reason-${r.id}`} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('conflict.details')}
            description={t('conflict.detailsHint')}
            value={details}
            onChange={(e) => setDetails(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={1500}
            error={needsDetails ? t('conflict.detailsRequired') : null}
            data-testid="recuse-details"
          />
          <Alert color="orange" variant="light">
            {t('conflict.lockWarning')}
          </Alert>
          {error && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => void submit()} disabled={needsDetails} loading={busy} data-testid="conflict-recuse-confirm">
              {t('conflict.confirmRecuse')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
