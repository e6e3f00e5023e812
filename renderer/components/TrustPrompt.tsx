/**
 * The trust question for the first package of a secretariat key the expert
 * has not accepted: the fingerprint in large type, grouped for reading aloud,
 * the instruction to confirm it by phone, and accept or refuse. Nothing of
 * the package is open behind it; the card's name and organisation are shown
 * as what they are, claims.
 */
import { Alert, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { IconPhoneCall, IconShieldQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../router.ts';
import { useAppStore } from '../state/app.ts';
import { Fingerprint } from './Fingerprint.tsx';

export function TrustPrompt(): React.JSX.Element | null {
  const { t } = useTranslation();
  const pending = useAppStore((s) => s.import.pending);
  const busy = useAppStore((s) => s.import.busy);
  const accept = useAppStore((s) => s.acceptSigner);
  const refuse = useAppStore((s) => s.refuseSigner);
  if (!pending) return null;
  return (
    <Modal
      opened
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      size={680}
      centered
      title={
        <Group gap="xs" wrap="nowrap">
          <IconShieldQuestion size={26} color="var(--mantine-color-orange-7)" />
          <Text fw={700} size="lg">
            {t('trust.title')}
          </Text>
        </Group>
      }
    >
      <Stack gap="md" data-testid="trust-prompt">
        <Text size="sm">{t('trust.intro', { file: pending.fileName })}</Text>
        <Paper withBorder p="md" radius="md" bg="gray.0">
          <Text size="sm" c="dimmed" mb={6}>
            {t('trust.fingerprint')}
          </Text>
          <Fingerprint value={pending.fingerprint} size="xl" testId="trust-fingerprint" />
        </Paper>
        <Alert color="orange" icon={<IconPhoneCall size={22} />} data-testid="trust-phone">
          <Text size="sm" fw={500}>
            {t('trust.phone')}
          </Text>
        </Alert>
        <div>
          <Text size="sm" data-testid="trust-labels">
            {t('trust.labels', { name: pending.displayName, organisation: pending.organisation || t('trust.noOrganisation') })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('trust.labelsNote')}
          </Text>
        </div>
        <Group justify="space-between">
          <Button variant="default" onClick={() => void refuse()} disabled={busy} data-testid="trust-refuse">
            {t('trust.refuse')}
          </Button>
          <Button
            color="green"
            // Where the package just opened is shown, whichever screen the question came up on (a file opened from outside).
            onClick={() => void accept().then((summary) => summary && navigate({ name: 'packages' }))}
            loading={busy}
            data-testid="trust-accept"
          >
            {t('trust.accept')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
