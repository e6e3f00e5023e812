/** A fingerprint shown in groups of four, large enough to read over the phone. */
import { Group, Text } from '@mantine/core';
import { fingerprintGroups } from '../lib/format.ts';

export function Fingerprint({
  value,
  size = 'md',
  color,
  testId,
}: {
  value: string;
  size?: 'sm' | 'md' | 'lg' | 'xl';
  color?: string;
  testId?: string;
}): React.JSX.Element {
  const fontSize = { sm: 13, md: 15, lg: 22, xl: 34 }[size];
  return (
    <Group gap={size === 'xl' ? 18 : 8} wrap="nowrap" data-testid={testId} aria-label={value} data-fingerprint={value}>
      {fingerprintGroups(value).map((g, i) => (
        <Text key={i} className="rd-fingerprint" fw={600} c={color} style={{ fontSize }}>
          {g}
        </Text>
      ))}
    </Group>
  );
}
