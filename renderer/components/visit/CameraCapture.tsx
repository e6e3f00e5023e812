/**
 * The laptop's camera, where the platform allows: asked for only here (the desktop app grants the
 * camera on the site-visit screen alone, electron/app/permissions.ts), stopped when the dialog closes.
 * Each shot becomes a JPEG file added like one from disk.
 */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCamera } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Whether this platform offers a camera API at all. */
export const cameraAvailable = (): boolean => typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

export function CameraCapture({
  opened,
  onClose,
  onShot,
}: {
  opened: boolean;
  onClose: () => void;
  onShot: (file: File) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [shots, setShots] = useState(0);

  useEffect(() => {
    if (!opened) return;
    let stream: MediaStream | null = null;
    let live = true;
    setError(null);
    setReady(false);
    setShots(0);
    navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false }).then(
      (s) => {
        if (!live) {
          s.getTracks().forEach((tr) => tr.stop());
          return;
        }
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play().then(() => live && setReady(true));
        }
      },
      (e: unknown) => {
        if (!live) return;
        const name = e instanceof DOMException ? e.name : '';
        setError(
          name === 'NotAllowedError'
            ? t('visit.camera.denied')
            : name === 'NotFoundError'
              ? t('visit.camera.none')
              : t('visit.camera.failed'),
        );
      },
    );
    return () => {
      live = false;
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [opened, t]);

  const shoot = (): void => {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    canvas.toBlob(
      (blob) => {
        if (!blob) return;
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        onShot(new File([blob], `camera-${stamp}.jpg`, { type: 'image/jpeg' }));
        setShots((n) => n + 1);
      },
      'image/jpeg',
      0.92,
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('visit.camera.title')} size="lg" data-testid="camera">
      <Stack>
        {error ? (
          <Alert color="orange">{error}</Alert>
        ) : (
          <video ref={video} muted playsInline style={{ width: '100%', background: '#000', borderRadius: 4 }} />
        )}
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('visit.camera.taken', { count: shots })}
          </Text>
          <Group>
            <Button variant="default" onClick={onClose}>
              {t('visit.camera.done')}
            </Button>
            <Button leftSection={<IconCamera size={16} />} onClick={shoot} disabled={!ready || !!error}>
              {t('visit.camera.shoot')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
