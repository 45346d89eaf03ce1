/**
 * End-to-end files that break their stack on purpose (kill -9, Redis restarts, a hung process) and
 * so start one of their own instead of using the shared one (shared-stack.ts).
 */
export const OWN_STACK_FILES: readonly string[] = ['e2e/chaos.e2e.spec.ts', 'e2e/stack.e2e.spec.ts'];
