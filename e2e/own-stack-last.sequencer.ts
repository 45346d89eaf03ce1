import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { OWN_STACK_FILES } from './own-stack-files.js';

/**
 * Vitest's own order, except that end-to-end files with a stack of their own run after every file
 * that shares one: the shared stack is then started once and taken down (ownTestStack) before the
 * first of them, instead of idling under a chaos run or being started again after it.
 */
export class OwnStackLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const own = (spec: TestSpecification) => OWN_STACK_FILES.some((file) => spec.moduleId.endsWith(`/${file}`));
    return [...sorted.filter((spec) => !own(spec)), ...sorted.filter(own)];
  }
}
