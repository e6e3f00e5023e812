/**
 * First run: create the expert identity, then show its public card. A
 * passphrase is required where the OS keychain does not really protect the
 * keys (no safeStorage, or Linux's `basic_text`), optional otherwise.
 */
import {
  Alert,
  Button,
  Card,
  Container,
  Group,
  PasswordInput,
  SegmentedControl,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconInfoCircle, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, toApiError } from '../api/client.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PublicCard } from '../components/PublicCard.tsx';
import { navigate } from '../router.ts';
import { useAppStore } from '../state/app.ts';

const MIN_PASSPHRASE = 8;

export function FirstRunScreen(): React.JSX.Element | null {
  const { t } = useTranslation();
  const state = useAppStore((s) => s.state);
  const showNewCard = useAppStore((s) => s.showNewCard);
  const dismissNewCard = useAppStore((s) => s.dismissNewCard);
  if (!state) return null;
  const secretariat = state.identity.status !== 'none' && state.identity.card.role === 'secretariat';
  if (showNewCard && state.identity.status !== 'none') {
    return (
      <Container size="sm" py="xl">
        <Stack>
          <Title order={2}>{t('firstRun.doneTitle')}</Title>
          <Text c="dimmed">{t('firstRun.doneIntro')}</Text>
          <PublicCard card={state.identity.card} />
          <Group justify="flex-end">
            <Button
              size="md"
              data-testid="first-run-continue"
              onClick={() => {
                dismissNewCard();
                navigate(secretariat ? { name: 'merge', view: 'import' } : { name: 'packages' });
              }}
            >
              {t(secretariat ? 'firstRun.continueMerge' : 'firstRun.continue')}
            </Button>
          </Group>
        </Stack>
      </Container>
    );
  }
  return <CreateIdentity keychain={state.safeStorage} />;
}

function CreateIdentity({ keychain }: { keychain: { available: boolean; backend: string } }): React.JSX.Element {
  const { t } = useTranslation();
  const createIdentity = useAppStore((s) => s.createIdentity);
  const [role, setRole] = useState<'expert' | 'secretariat'>('expert');
  const [displayName, setDisplayName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [fields, setFields] = useState<string[]>([]);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const required = !keychain.available;
  const wantsPassphrase = required || passphrase.length > 0;
  const nameError = touched && !displayName.trim() ? t('firstRun.nameRequired') : null;
  const passError =
    touched && wantsPassphrase && passphrase.length < MIN_PASSPHRASE ? t('firstRun.passphraseTooShort', { min: MIN_PASSPHRASE }) : null;
  const confirmError = touched && wantsPassphrase && confirm !== passphrase ? t('firstRun.passphraseMismatch') : null;

  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    setTouched(true);
    if (!displayName.trim()) return;
    if (wantsPassphrase && (passphrase.length < MIN_PASSPHRASE || confirm !== passphrase)) return;
    setBusy(true);
    setError(null);
    try {
      await createIdentity({
        role,
        displayName: displayName.trim(),
        organisation: organisation.trim(),
        fields: fields.map((f) => f.trim()).filter(Boolean),
        passphrase: wantsPassphrase ? passphrase : null,
      });
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Container size="sm" py="xl">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="lg">
          <div>
            <Title order={2}>{t('firstRun.title')}</Title>
            <Text c="dimmed" mt={4}>
              {t(role === 'secretariat' ? 'firstRun.introSecretariat' : 'firstRun.intro')}
            </Text>
          </div>
          <Card withBorder padding="lg" radius="md">
            <Stack>
              <div>
                <Text size="sm" fw={500} mb={4}>
                  {t('firstRun.role')}
                </Text>
                <SegmentedControl
                  fullWidth
                  value={role}
                  onChange={(v) => setRole(v as 'expert' | 'secretariat')}
                  data-testid="identity-role"
                  data={[
                    { value: 'expert', label: t('firstRun.roleExpert') },
                    { value: 'secretariat', label: t('firstRun.roleSecretariat') },
                  ]}
                />
                <Text size="xs" c="dimmed" mt={4}>
                  {t(role === 'secretariat' ? 'firstRun.roleSecretariatHint' : 'firstRun.roleExpertHint')}
                </Text>
              </div>
              <TextInput
                label={t('firstRun.name')}
                placeholder={t('firstRun.namePlaceholder')}
                value={displayName}
                onChange={(e) => setDisplayName(e.currentTarget.value)}
                error={nameError}
                maxLength={100}
                required
                autoFocus
                data-testid="identity-name"
              />
              <TextInput
                label={t('firstRun.organisation')}
                placeholder={t('firstRun.organisationPlaceholder')}
                value={organisation}
                onChange={(e) => setOrganisation(e.currentTarget.value)}
                maxLength={200}
                data-testid="identity-organisation"
              />
              <TagsInput
                label={t('firstRun.fields')}
                description={t('firstRun.fieldsHint')}
                placeholder={fields.length ? undefined : t('firstRun.fieldsPlaceholder')}
                value={fields}
                onChange={setFields}
                maxTags={20}
                splitChars={[',', '，', '、', ';', '；']}
                clearable
                data-testid="identity-fields"
              />
            </Stack>
          </Card>
          <Card withBorder padding="lg" radius="md">
            <Stack>
              <Group gap={8}>
                <IconShieldLock size={20} />
                <Text fw={600}>{t(required ? 'firstRun.passphraseRequiredTitle' : 'firstRun.passphraseOptionalTitle')}</Text>
              </Group>
              {required ? (
                <Alert color="orange" variant="light" icon={<IconInfoCircle size={18} />} data-testid="keychain-unavailable">
                  {t('firstRun.keychainUnavailable', { backend: keychain.backend })}
                </Alert>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('firstRun.keychainAvailable', { backend: keychain.backend })}
                </Text>
              )}
              <PasswordInput
                label={t('firstRun.passphrase')}
                description={t('firstRun.passphraseHint', { min: MIN_PASSPHRASE })}
                value={passphrase}
                onChange={(e) => setPassphrase(e.currentTarget.value)}
                error={passError}
                required={required}
                data-testid="identity-passphrase"
              />
              <PasswordInput
                label={t('firstRun.confirm')}
                value={confirm}
                onChange={(e) => setConfirm(e.currentTarget.value)}
                error={confirmError}
                required={required}
                data-testid="identity-passphrase-confirm"
              />
            </Stack>
          </Card>
          {error && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button type="submit" size="md" loading={busy} data-testid="identity-create">
              {t('firstRun.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Container>
  );
}
