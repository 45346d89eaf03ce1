import { commentaryConfigSchema, type CommentaryConfigDto, type CommentaryConfigPatch, type CommentaryTriggerBody } from '@marketswarm/shared/dto';
import { sendJson } from '../api/http';

/** The copilot's commentary REST routes (docs/API.md): used when the socket is not open. */
export const putCommentaryConfig = (patch: CommentaryConfigPatch): Promise<CommentaryConfigDto> =>
  sendJson('PUT', '/api/commentary/config', patch, (b) => commentaryConfigSchema.parse(b));

/** The commentary it produces arrives on `/ws/commentary` like any other; the answer body is not needed. */
export const triggerCommentary = (body: CommentaryTriggerBody): Promise<void> => sendJson('POST', '/api/commentary/trigger', body, () => undefined);
