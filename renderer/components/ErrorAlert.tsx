/** A refused operation: the stable code and the reason in the interface language. */
import { Alert, Code, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';
import { useLocale } from '../i18n/index.ts';

export function ErrorAlert({
  error,
  title,
  onClose,
  testId = 'error',
}: {
  error: ApiError;
  title?: string;
  onClose?: () => void;
  testId?: string;
}): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={20} />}
      title={title ?? t('error.title')}
      withCloseButton={!!onClose}
      onClose={onClose}
      closeButtonLabel={t('common.close')}
      data-testid={testId}
      data-error-code={error.code}
      role="alert"
    >
      <Text size="sm" fw={500}>
        {error.text(locale)}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {t('error.code')} <Code>{error.code}</Code>
      </Text>
    </Alert>
  );
}
