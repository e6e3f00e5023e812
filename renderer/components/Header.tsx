/** The top bar: product name, where the reviewer is, who they are, and the language switch. */
import { Anchor, Box, Button, Group, SegmentedControl, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconCalendarEvent, IconChecklist, IconLock, IconStack2, IconUserCircle } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/i18n-text.ts';
import { useLocale } from '../i18n/index.ts';
import { useRouteName } from '../router.ts';
import { useAppStore } from '../state/app.ts';

export const Header = memo(function Header(): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const state = useAppStore((s) => s.state);
  const setLocale = useAppStore((s) => s.setLocale);
  const identity = state?.identity;
  const routeName = useRouteName();
  const secretariat = identity !== undefined && identity.status === 'unlocked' && identity.card.role === 'secretariat';
  const inMerge = routeName === 'merge' || routeName === 'mergeApp' || (secretariat && routeName === 'packages');
  return (
    <Box
      component="header"
      px="md"
      py={8}
      className="rd-no-print"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', background: 'var(--mantine-color-white)', flex: 'none' }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Anchor href="#/packages" underline="never" c="dark" data-testid="home-link">
            <Group gap={8} wrap="nowrap">
              <Box
                w={28}
                h={28}
                bg="blue.8"
                style={{ borderRadius: 6, display: 'flex', alignItems: 'center', justifyContent: 'center' }}
                aria-hidden
              >
                <Text c="white" fw={700} size="sm">
                  评
                </Text>
              </Box>
              <Text fw={700} size="lg">
                {t('app.name')}
              </Text>
            </Group>
          </Anchor>
          <Text c="dimmed" size="sm" visibleFrom="sm">
            {t('app.tagline')}
          </Text>
          {secretariat && (
            <Button
              component="a"
              href="#/round"
              size="compact-sm"
              variant={routeName === 'round' ? 'light' : 'subtle'}
              leftSection={<IconCalendarEvent size={16} />}
              data-testid="nav-round"
              data-active={routeName === 'round'}
              ml="md"
            >
              {t('round.nav')}
            </Button>
          )}
          {secretariat && (
            <Button
              component="a"
              href="#/merge"
              size="compact-sm"
              variant={inMerge ? 'light' : 'subtle'}
              leftSection={<IconStack2 size={16} />}
              data-testid="nav-merge"
              data-active={inMerge}
            >
              {t('merge.nav')}
            </Button>
          )}
          {secretariat && (
            <Button
              component="a"
              href="#/rubrics"
              size="compact-sm"
              variant={routeName === 'rubrics' ? 'light' : 'subtle'}
              leftSection={<IconChecklist size={16} />}
              data-testid="nav-rubrics"
              data-active={routeName === 'rubrics'}
            >
              {t('rubric.nav')}
            </Button>
          )}
        </Group>
        <Group gap="md" wrap="nowrap">
          {identity && identity.status !== 'none' && (
            <Tooltip label={t('identity.showCard')}>
              <UnstyledButton component="a" href="#/identity" data-testid="identity-link" aria-label={t('identity.showCard')}>
                <Group gap={6} wrap="nowrap">
                  {identity.status === 'locked' ? <IconLock size={18} /> : <IconUserCircle size={18} />}
                  <Text size="sm">{identity.card.displayName}</Text>
                  {identity.card.role === 'secretariat' && (
                    <Text size="xs" c="dimmed">
                      {t('firstRun.roleSecretariat')}
                    </Text>
                  )}
                </Group>
              </UnstyledButton>
            </Tooltip>
          )}
          <SegmentedControl
            size="xs"
            data-testid="lang-switch"
            aria-label={t('app.language')}
            value={locale}
            onChange={(v) => void setLocale(v as Locale)}
            data={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Group>
      </Group>
    </Box>
  );
});
