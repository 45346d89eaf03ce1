import { lazy, Suspense } from 'react';

/** The MEL bar and ADI export: their own chunk, so the header's first paint does not wait for them. */
const CopilotHeader = lazy(() => import('../copilot/CopilotHeader'));

/** The copilot's header tools (model integrity and export), loaded once shown. */
export function CopilotTools() {
  return (
    <Suspense fallback={null}>
      <CopilotHeader />
    </Suspense>
  );
}
