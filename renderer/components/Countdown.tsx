/** Time left to the deadline in days and hours; red under 48 hours. */
import { Badge, Tooltip } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/index.ts';
import { formatDateTime, timeLeft } from '../lib/format.ts';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

export function Countdown({ deadline, testId = 'deadline' }: { deadline: string; testId?: string }): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow(60_000);
  const left = timeLeft(deadline, now);
  const text = left.overdue
    ? t('deadline.overdue', { days: left.days, hours: left.hours })
    : t('deadline.left', { days: left.days, hours: left.hours });
  return (
    <Tooltip label={t('deadline.at', { date: formatDateTime(deadline, locale) })}>
      <Badge
        size="lg"
        variant={left.urgent ? 'filled' : 'light'}
        color={left.urgent ? 'red' : 'gray'}
        leftSection={<IconClock size={14} />}
        data-testid={testId}
        data-urgent={left.urgent}
        style={{ textTransform: 'none' }}
      >
        {text}
      </Badge>
    </Tooltip>
  );
}
