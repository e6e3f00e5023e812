/** The reviewer's own public card, reachable from the header at any time. */
import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PublicCard } from '../components/PublicCard.tsx';
import { hrefFor } from '../router.ts';
import { useAppStore } from '../state/app.ts';

export function IdentityScreen(): React.JSX.Element | null {
  const { t } = useTranslation();
  const identity = useAppStore((s) => s.state?.identity);
  if (!identity || identity.status === 'none') return null;
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={2}>{t('identity.cardTitle')}</Title>
        <Text c="dimmed">{t('identity.cardIntro')}</Text>
        <PublicCard card={identity.card} />
        <Text size="sm" c="dimmed">
          {t(identity.protection === 'passphrase' ? 'identity.protectedByPassphrase' : 'identity.protectedByKeychain')}
        </Text>
        {identity.card.role === 'expert' && (
          <Anchor href={hrefFor({ name: 'trust' })} size="sm" data-testid="trust-link">
            {t('trust.manage')}
          </Anchor>
        )}
      </Stack>
    </Container>
  );
}
