/**
 * The shell: loads the app state, restores the reviewer's last location,
 * gates everything behind identity creation and unlocking, accepts a .rpkg
 * dropped anywhere on the window, and shows the routed screen.
 */
import { Alert, Box, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './components/ErrorAlert.tsx';
import { Header } from './components/Header.tsx';
import { TrustPrompt } from './components/TrustPrompt.tsx';
import { useLocale } from './i18n/index.ts';
import { droppedFiles } from './lib/dropped.ts';
import { hrefFor, navigate, useHash, useRoute } from './router.ts';
import { VisitScreen } from './screens/VisitScreen.tsx';
import { FinishScreen } from './screens/FinishScreen.tsx';
import { FirstRunScreen } from './screens/FirstRunScreen.tsx';
import { IdentityScreen } from './screens/IdentityScreen.tsx';
import { MergeApplicationScreen } from './screens/MergeApplicationScreen.tsx';
import { MergeScreen } from './screens/MergeScreen.tsx';
import { PackageScreen } from './screens/PackageScreen.tsx';
import { PackagesScreen } from './screens/PackagesScreen.tsx';
import { PrintScreen } from './screens/PrintScreen.tsx';
import { ReviewScreen } from './screens/ReviewScreen.tsx';
import { RoundScreen } from './screens/RoundScreen.tsx';
import { RubricScreen } from './screens/RubricScreen.tsx';
import { TrustScreen } from './screens/TrustScreen.tsx';
import { UnlockScreen } from './screens/UnlockScreen.tsx';
import { useAppStore } from './state/app.ts';
import { useMergeStore } from './state/merge.ts';
import { useRubricStore } from './state/rubric.ts';

function isPackageFile(name: string): boolean {
  return name.toLowerCase().endsWith('.rpkg');
}

/**
 * Accepts files dropped anywhere on the window: an expert's .rpkg goes to the
 * package import, a secretariat's score bundles (and ledger) to the merge.
 */
function useWindowDrop(enabled: boolean, secretariat: boolean): boolean {
  const [dragging, setDragging] = useState(false);
  const importFile = useAppStore((s) => s.importFile);
  const importMerge = useMergeStore((s) => s.importFiles);
  const importRubric = useRubricStore((s) => s.importFile);
  useEffect(() => {
    if (!enabled) return undefined;
    let depth = 0;
    const hasFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const onEnter = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      const handled = e.defaultPrevented;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      if (handled) return;
      if (secretariat && window.location.hash.startsWith('#/rubrics')) {
        // On the rubric editor a dropped rubric.json or workbook is a rubric to edit, not a score file.
        const file = Array.from(e.dataTransfer?.files ?? []).find((f) => /\.(json|xlsx)$/i.test(f.name));
        if (file) void importRubric(file).then((ok) => ok && navigate({ name: 'rubrics', view: 'edit' }));
        return;
      }
      if (secretariat) {
        const dt = e.dataTransfer;
        navigate({ name: 'merge', view: 'import' });
        if (dt) void droppedFiles(dt).then((files) => (files.length ? importMerge(files) : undefined));
        return;
      }
      const file = Array.from(e.dataTransfer?.files ?? []).find((f) => isPackageFile(f.name)) ?? e.dataTransfer?.files[0];
      if (!file) return;
      navigate({ name: 'packages' });
      void importFile(file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [enabled, secretariat, importFile, importMerge, importRubric]);
  return dragging;
}

/** Saves where the reviewer is, so reopening the app returns there. */
function useRememberLocation(enabled: boolean): void {
  const hash = useHash();
  const saveLocation = useAppStore((s) => s.saveLocation);
  useEffect(() => {
    if (!enabled || hash.startsWith('#/print/')) return undefined;
    const timer = setTimeout(() => void saveLocation(hash || '#/packages'), 400);
    return () => clearTimeout(timer);
  }, [enabled, hash, saveLocation]);
}

export function App(): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const route = useRoute();
  const state = useAppStore((s) => s.state);
  const loadError = useAppStore((s) => s.loadError);
  const showNewCard = useAppStore((s) => s.showNewCard);
  const [restored, setRestored] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.title');
  }, [locale, t]);

  useEffect(() => useAppStore.getState().listen(), []);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void useAppStore
      .getState()
      .load()
      .then((s) => {
        const here = window.location.hash;
        // The print route is opened by the host for printToPDF: never redirect it.
        if (s?.lastLocation && (here === '' || here === '#' || here === '#/') && !here.startsWith('#/print/')) {
          navigate(s.lastLocation, { replace: true });
        }
        setRestored(true);
      });
  }, []);

  // With a passphrase, the last location is in the encrypted database and arrives with the unlock, not at load.
  const returned = useRef(false);
  const lastLocation = state?.identity.status === 'unlocked' ? state.lastLocation : null;
  useEffect(() => {
    if (!restored || returned.current || !lastLocation) return;
    returned.current = true;
    const here = window.location.hash;
    if (here === '' || here === '#' || here === '#/') navigate(lastLocation, { replace: true });
  }, [restored, lastLocation]);

  const ready = state?.identity.status === 'unlocked' && !showNewCard;
  const identity = state?.identity;
  const secretariat = identity !== undefined && identity.status !== 'none' && identity.card.role === 'secretariat';
  useRememberLocation(ready && restored);
  const dragging = useWindowDrop(ready, secretariat);

  if (route.name === 'print') {
    return state ? (
      <PrintScreen packageId={route.packageId} auto={route.auto} />
    ) : (
      <Center h="100%">{loadError ? <ErrorAlert error={loadError} /> : <Loader />}</Center>
    );
  }

  let body: React.ReactNode;
  if (!state) {
    body = (
      <Center h="100%">
        {loadError ? (
          <Stack maw={560}>
            <ErrorAlert error={loadError} title={t('app.loadFailed')} />
          </Stack>
        ) : (
          <Loader aria-label={t('app.loading')} />
        )}
      </Center>
    );
  } else if (state.identity.status === 'none' || showNewCard) {
    body = <FirstRunScreen />;
  } else if (state.identity.status === 'locked') {
    body = <UnlockScreen />;
  } else {
    switch (route.name) {
      case 'packages':
        // A secretariat has no review packages to open: its home is the merge.
        body = secretariat ? <MergeScreen view="import" /> : <PackagesScreen />;
        break;
      case 'merge':
        body = <MergeScreen view={route.view} />;
        break;
      case 'mergeApp':
        body = <MergeApplicationScreen key={route.applicationId} applicationId={route.applicationId} />;
        break;
      case 'round':
        body = secretariat ? <RoundScreen view={route.view} /> : <PackagesScreen />;
        break;
      case 'rubrics':
        // The rubric editor is the secretariat's: an expert reviews against the rubric its package carries.
        body = secretariat ? <RubricScreen view={route.view} /> : <PackagesScreen />;
        break;
      case 'identity':
        body = <IdentityScreen />;
        break;
      case 'trust':
        body = <TrustScreen />;
        break;
      case 'package':
        body = <PackageScreen packageId={route.packageId} />;
        break;
      case 'review':
        body = (
          <ReviewScreen
            key={`${route.packageId}/${route.applicationId}`}
            packageId={route.packageId}
            applicationId={route.applicationId}
            criterionId={route.criterionId}
          />
        );
        break;
      case 'visit':
        body = (
          <VisitScreen key={`${route.packageId}/${route.applicationId}`} packageId={route.packageId} applicationId={route.applicationId} />
        );
        break;
      case 'finish':
        body = <FinishScreen packageId={route.packageId} applicationId={route.applicationId} />;
        break;
    }
  }

  return (
    <Box h="100%" style={{ display: 'flex', flexDirection: 'column' }}>
      <Header />
      <ExternalNotices />
      <Box style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>{body}</Box>
      {ready && <TrustPrompt />}
      {dragging && (
        <div className="rd-drop-overlay" aria-hidden>
          <Text size="xl" fw={600} c="blue.8">
            {t(secretariat ? (route.name === 'rubrics' ? 'rubric.dropAnywhere' : 'merge.drop.anywhere') : 'packages.dropAnywhere')}
          </Text>
        </div>
      )}
    </Box>
  );
}

/** Packages and score bundles opened from outside the window (file association or a second launch). */
function ExternalNotices(): React.JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  const external = useAppStore((s) => s.external);
  const dismiss = useAppStore((s) => s.dismissExternal);
  if (external.length === 0) return null;
  return (
    <Stack gap={4} px="md" pt="xs" data-testid="external-notices">
      {external.map((e, i) =>
        e.ok ? (
          <Alert
            key={i}
            color="green"
            withCloseButton
            onClose={() => dismiss(i)}
            title={t(e.kind === 'bundle' ? 'merge.externalAdded' : 'packages.externalOpened', { file: e.fileName })}
            py={6}
          >
            {e.kind === 'bundle' ? (
              <Text size="sm" component="a" href={hrefFor({ name: 'merge', view: 'import' })} c="blue.8">
                {t('merge.externalSee')}
              </Text>
            ) : (
              e.packageId && (
                <Text size="sm" component="a" href={`#/p/${e.packageId}`} c="blue.8">
                  {t('packages.open')}
                </Text>
              )
            )}
          </Alert>
        ) : (
          <Alert
            key={i}
            color="red"
            withCloseButton
            onClose={() => dismiss(i)}
            title={t('packages.externalRefused', { file: e.fileName })}
            py={6}
          >
            <Text size="sm">
              <b>{e.error?.code}</b> {e.error?.message[locale]}
            </Text>
          </Alert>
        ),
      )}
    </Stack>
  );
}
