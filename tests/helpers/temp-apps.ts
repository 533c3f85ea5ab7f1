import { afterEach } from 'vitest';
import { tempApp } from './temp-workspace.ts';

/** A maker of temporary apps (workspace + service) that are all removed after each test. */
export function tempApps(): () => ReturnType<typeof tempApp> {
  const apps: ReturnType<typeof tempApp>[] = [];
  afterEach(() => {
    for (const app of apps.splice(0)) app.cleanup();
  });
  return () => {
    const app = tempApp();
    apps.push(app);
    return app;
  };
}
