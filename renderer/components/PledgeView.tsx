/** The confidentiality pledge (保密承诺): nothing of the dossiers is shown before it is accepted. */
import { Button, Card, Checkbox, Container, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageDetail } from '../../shared/ipc/contract.ts';
import { pick } from '../../shared/i18n-text.ts';
import { type ApiError, toApiError } from '../api/client.ts';
import { useLocale } from '../i18n/index.ts';
import { formatDate } from '../lib/format.ts';
import { usePackageStore } from '../state/packages.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

const CLAUSES = ['pledge.c1', 'pledge.c2', 'pledge.c3', 'pledge.c4', 'pledge.c5', 'pledge.c6'] as const;

export function PledgeView({ detail }: { detail: PackageDetail }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const acceptPledge = usePackageStore((s) => s.acceptPledge);
  const [read, setRead] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const s = detail.summary;
  const accept = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await acceptPledge(s.packageId);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Container size="md" py="xl">
      <Card withBorder radius="md" padding="xl" data-testid="pledge">
        <Stack gap="md">
          <Group gap="sm">
            <IconShieldCheck size={28} color="var(--mantine-color-blue-8)" />
            <Title order={2}>{t('pledge.title')}</Title>
          </Group>
          <Text size="sm" c="dimmed">
            {t('pledge.round', { round: pick(s.round.title, locale), applications: s.applications })}
          </Text>
          <Text style={{ lineHeight: 1.8 }}>{t('pledge.preamble', { name: s.expert.displayName })}</Text>
          <List type="ordered" spacing="xs" style={{ lineHeight: 1.8 }}>
            {CLAUSES.map((c) => (
              <List.Item key={c}>{t(c)}</List.Item>
            ))}
          </List>
          <Text style={{ lineHeight: 1.8 }}>{t('pledge.closing')}</Text>
          <Text ta="right" c="dimmed" size="sm">
            {t('pledge.signature', { name: s.expert.displayName, date: formatDate(new Date().toISOString(), locale) })}
          </Text>
          <Checkbox
            checked={read}
            onChange={(e) => setRead(e.currentTarget.checked)}
            label={t('pledge.confirm')}
            data-testid="pledge-read"
          />
          {error && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button size="md" onClick={() => void accept()} disabled={!read} loading={busy} data-testid="pledge-accept">
              {t('pledge.accept')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Container>
  );
}
