import { MelStatusBar } from '../shell/MelStatusBar';
import { AdiExportMenu } from './AdiExportMenu';

/** The copilot's part of the workspace header: the MEL bar and the ADI export (one lazily loaded chunk). */
export default function CopilotHeader() {
  return (
    <>
      <MelStatusBar />
      <AdiExportMenu />
    </>
  );
}
