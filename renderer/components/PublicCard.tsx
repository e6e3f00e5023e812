/** The reviewer's public card: fingerprint in large groups, and card.json to send to the secretariat. */
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Card as CardType } from '../../shared/card.ts';
import { type ApiError, api, toApiError } from '../api/client.ts';
import { useLocale } from '../i18n/index.ts';
import { download } from '../lib/download.ts';
import { formatDateTime } from '../lib/format.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Fingerprint } from './Fingerprint.tsx';

export function PublicCard({ card }: { card: CardType }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const exportCard = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const r = await api['identity:card']({});
      download(r.json, r.fileName, 'application/json');
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder padding="xl" radius="md" data-testid="public-card">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} data-testid="card-name">
              {card.displayName}
            </Title>
            <Text c="dimmed">{card.organisation || t('identity.noOrganisation')}</Text>
          </div>
          <Badge variant="light">{t(`identity.role.${card.role}`)}</Badge>
        </Group>
        {card.fields.length > 0 && (
          <Group gap={6}>
            {card.fields.map((f) => (
              <Badge key={f} variant="outline" color="gray" style={{ textTransform: 'none' }}>
                {f}
              </Badge>
            ))}
          </Group>
        )}
        <div>
          <Text size="sm" c="dimmed" mb={4}>
            {t('identity.fingerprint')}
          </Text>
          <Fingerprint value={card.fingerprint} size="xl" color="blue.9" testId="card-fingerprint" />
          <Text size="sm" c="dimmed" mt={6}>
            {t('identity.fingerprintHint')}
          </Text>
        </div>
        <Text size="xs" c="dimmed">
          {t('identity.createdAt', { date: formatDateTime(card.createdAt, locale) })}
        </Text>
        {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
        <Group>
          <Button leftSection={<IconDownload size={16} />} onClick={() => void exportCard()} loading={busy} data-testid="export-card">
            {t('identity.exportCard')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
