/**
 * The secretariat keys the expert trusts: organisation, name, fingerprint,
 * when and how each was trusted, and how many packages it signed. Removing
 * one asks first; its packages stay, and the next package that key signs asks
 * the trust question again.
 */
import { Badge, Button, Container, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretariatPin } from '../../shared/ipc/contract.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Fingerprint } from '../components/Fingerprint.tsx';
import { useLocale } from '../i18n/index.ts';
import { formatDateTime } from '../lib/format.ts';
import { hrefFor } from '../router.ts';
import { useTrustStore } from '../state/trust.ts';

const HOW_COLOR = { confirmed: 'green', demo: 'gray', 'round-pin': 'orange' } as const;

export function TrustScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const { pins, error, load, remove } = useTrustStore();
  const [removing, setRemoving] = useState<SecretariatPin | null>(null);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Container size="lg" py="lg">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2}>{t('trust.listTitle')}</Title>
            <Text c="dimmed" size="sm">
              {t('trust.listIntro')}
            </Text>
          </div>
          <Button component="a" href={hrefFor({ name: 'packages' })} variant="subtle">
            {t('packages.back')}
          </Button>
        </Group>
        {error && <ErrorAlert error={error} />}
        {pins && pins.length === 0 && (
          <Text c="dimmed" ta="center" py="xl" data-testid="trust-none">
            {t('trust.none')}
          </Text>
        )}
        {pins && pins.length > 0 && (
          <Table striped verticalSpacing="sm" data-testid="trust-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('trust.colOrganisation')}</Table.Th>
                <Table.Th>{t('trust.colName')}</Table.Th>
                <Table.Th>{t('trust.colFingerprint')}</Table.Th>
                <Table.Th>{t('trust.colPinnedAt')}</Table.Th>
                <Table.Th>{t('trust.colPackages')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pins.map((p) => (
                <Table.Tr key={p.fingerprint} data-testid={`pin-${p.fingerprint}`}>
                  <Table.Td>{p.organisation || '—'}</Table.Td>
                  <Table.Td>{p.displayName}</Table.Td>
                  <Table.Td>
                    <Fingerprint value={p.fingerprint} size="md" />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text size="sm">{formatDateTime(p.pinnedAt, locale)}</Text>
                      <Badge color={HOW_COLOR[p.how]} variant="light" size="sm">
                        {t(`trust.how.${p.how}`)}
                      </Badge>
                    </Stack>
                  </Table.Td>
                  <Table.Td data-testid={`pin-packages-${p.fingerprint}`}>{p.packages}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      onClick={() => setRemoving(p)}
                      data-testid={`pin-remove-${p.fingerprint}`}
                    >
                      {t('trust.remove')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t('trust.removeTitle')}>
        {removing && (
          <Stack data-testid="pin-remove-dialog">
            <Fingerprint value={removing.fingerprint} size="lg" />
            <Text size="sm">{removing.packages > 0 ? t('trust.removeBody', { count: removing.packages }) : t('trust.removeBodyNone')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRemoving(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                data-testid="pin-remove-confirm"
                onClick={() => {
                  const fingerprint = removing.fingerprint;
                  setRemoving(null);
                  void remove(fingerprint);
                }}
              >
                {t('trust.remove')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Container>
  );
}
