/** The identity's secret keys are protected by a passphrase: ask for it once per session. */
import { Button, Card, Center, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, toApiError } from '../api/client.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Fingerprint } from '../components/Fingerprint.tsx';
import { useAppStore } from '../state/app.ts';

export function UnlockScreen(): React.JSX.Element | null {
  const { t } = useTranslation();
  const identity = useAppStore((s) => s.state?.identity);
  const unlock = useAppStore((s) => s.unlock);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (!identity || identity.status === 'none') return null;
  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await unlock(passphrase);
    } catch (err) {
      setError(toApiError(err));
      setPassphrase('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Center py={60}>
      <Card withBorder padding="xl" radius="md" w={480}>
        <form onSubmit={(e) => void submit(e)}>
          <Stack>
            <Title order={3}>
              <IconLock size={22} style={{ verticalAlign: -3, marginRight: 8 }} />
              {t('unlock.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('unlock.intro', { name: identity.card.displayName })}
            </Text>
            <Fingerprint value={identity.card.fingerprint} size="md" />
            <PasswordInput
              label={t('unlock.passphrase')}
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              data-testid="unlock-passphrase"
              autoFocus
              required
            />
            {error && <ErrorAlert error={error} />}
            <Button type="submit" loading={busy} data-testid="unlock-submit">
              {t('unlock.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
    </Center>
  );
}
