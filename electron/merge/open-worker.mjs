// Starts the TypeScript worker through tsx when running from source (tests, CLI, bench).
import { register } from 'tsx/esm/api';

register();
await import('./open-worker.ts');
